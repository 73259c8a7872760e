import { For } from "solid-js";
import type { Lang } from "../model/i18n/lang.ts";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { useEventDate } from "./format.ts";
import { useI18n } from "./i18n.ts";
import { localized } from "../model/i18n/localized.ts";

/**
 * The events of a map cluster (or of one spot), as a compact list to choose from: icon, title and
 * date, in the order given. Plain props, no app state, so any view can show it over the map.
 */
export function ClusterList(props: {
  events: readonly { idx: number; event: SituationEvent }[];
  onPick: (idx: number) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const eventDate = useEventDate();
  return (
    <section class="cluster-list" aria-labelledby="cluster-list-title" data-testid="cluster-list">
      <div class="cluster-list-head">
        <h2 id="cluster-list-title" tabindex="-1">
          {t("map.hereCount", props.events.length)}
        </h2>
        <button
          type="button"
          class="close"
          aria-label={t("map.closeHere")}
          onClick={() => props.onClose()}
        >
          ×
        </button>
      </div>
      <ul>
        <For each={props.events}>
          {(x) => (
            <li>
              <button
                type="button"
                class="cluster-item"
                data-event-id={x.event.id}
                onClick={() => props.onPick(x.idx)}
              >
                <CategoryIcon
                  category={x.event.properties.category}
                  expected={x.event.properties.expected}
                />
                <span class="cluster-item-main">
                  <Title event={x.event} lang={lang()} />
                  <span class="cluster-item-date">{eventDate(x.event.properties.date)}</span>
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/** An event's title in the language shown, else in English (compact, as the list's rows). */
function Title(props: { event: SituationEvent; lang: Lang }) {
  const title = () =>
    localized(props.event.properties.title, props.event.properties.i18n, "title", props.lang);
  return (
    <span class="cluster-item-title" lang={title().lang}>
      {title().text}
    </span>
  );
}
