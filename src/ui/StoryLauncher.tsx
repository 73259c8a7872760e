/**
 * The way into a story from the map: a button beside the legend (under it on a phone), titled
 * with the story's name, that opens the shipped story. Only with the shipped dataset, whose events the story names, and only
 * while no story is open (the panel has its own close).
 */
import { Show } from "solid-js";
import { SHIPPED_STORIES } from "../model/story/shipped.ts";
import type { StoryState } from "../state/story.ts";
import { localized } from "../model/i18n/localized.ts";
import { useI18n } from "./i18n.ts";

export function StoryLauncher(props: { story: StoryState; shippedData: boolean }) {
  const { t, lang } = useI18n();
  const first = SHIPPED_STORIES[0];
  return (
    <Show when={first && props.shippedData && props.story.status().kind === "closed"}>
      <button
        type="button"
        class="story-launch"
        title={localized(first!.title, first!.i18n, "title", lang()).text}
        onClick={() => props.story.open(first!.id)}
      >
        <span class="story-launch-label">
          <span aria-hidden="true">▶ </span>
          {t("story.launch")}
        </span>
      </button>
    </Show>
  );
}
