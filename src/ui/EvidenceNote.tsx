import { useI18n } from "./i18n.ts";

/**
 * "How evidence is rated": a short, plain explanation of what the statuses count, reachable from
 * the legend and from every event. A native disclosure, so it works from the keyboard and with
 * screen readers as it is.
 */
export function EvidenceNote(props: { open?: boolean }) {
  const { t } = useI18n();
  const label = () => t("status.label");
  const meaning = () => t("status.meaning");
  const note = () => t("status.note");
  return (
    <details class="evidence-note" open={props.open}>
      <summary>{note().summary}</summary>
      <div class="evidence-note-body">
        <p>
          {note().countedBy}
          <strong> {note().origin}</strong>
          {note().notByDocument}
        </p>
        <ul>
          <li>
            <strong>{label().reported}</strong>: {meaning().reported}.
          </li>
          <li>
            <strong>{label().corroborated}</strong>: {meaning().corroborated}
            {note().corroborated}.
          </li>
          <li>
            <strong>{label().disputed}</strong>: {meaning().disputed}
            {note().disputed}.
          </li>
          <li>
            <strong>{t("event.expectedShort")}</strong>: {note().expected}.
          </li>
        </ul>
        <p>{note().hedges}</p>
      </div>
    </details>
  );
}
