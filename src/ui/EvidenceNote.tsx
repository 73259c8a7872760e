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
  return (
    <details class="evidence-note" open={props.open}>
      <summary>How evidence is rated</summary>
      <div class="evidence-note-body">
        <p>
          Every event rests on passages quoted word for word from the source documents. Evidence is
          counted by
          <strong> origin</strong>, not by document: a document that retells another report is not a
          second witness, so its passages count as that report. Three of the five documents here
          retell one unnamed report, and count as one.
        </p>
        <ul>
          <li>
            <strong>{label().reported}</strong>: {meaning().reported}.
          </li>
          <li>
            <strong>{label().corroborated}</strong>: {meaning().corroborated}, each in a passage
            about the event itself.
          </li>
          <li>
            <strong>{label().disputed}</strong>: {meaning().disputed}; the denial is shown with the
            reports.
          </li>
          <li>
            <strong>Expected</strong>: a source says it was expected or announced, not that it
            happened. It is dated on the announced day and drawn hollow.
          </li>
        </ul>
        <p>
          A passage that hedges or relays someone's claim ("reportedly", "an official said") tells
          the event but does not vouch for it. Passages that only fix the date or the place (a
          dateline, a related headline) are listed apart and never count.
        </p>
      </div>
    </details>
  );
}
