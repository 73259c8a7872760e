import { Show, createSignal, onCleanup } from "solid-js";
import { citationText } from "../model/citation-text.ts";
import type { ResolvedCitation } from "../model/dataset.ts";
import type { SourceDocument } from "../model/types.ts";
import { useI18n } from "./i18n.ts";
import { copyText, passageUrl } from "./share.ts";

/**
 * "Copy citation": the quote, the source's title, outlet and date, and the link to the passage, as
 * plain text. Says so once copied; where copying is refused, shows the text selected to copy by
 * hand.
 */
export function CopyCitation(props: {
  cited: ResolvedCitation;
  source: SourceDocument | undefined;
  /** Makes the passage's link (tests give their own; the page links to its own address). */
  linkOf?: (sourceId: string, range: [number, number]) => string;
}) {
  const { t } = useI18n();
  const [state, setState] = createSignal<"idle" | "copied" | "manual">("idle");
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const text = () => {
    const c = props.cited.citation,
      r = props.cited.range;
    const link = r
      ? (props.linkOf ?? passageUrl)(c.source, [r.start, r.end])
      : `${location.origin}${location.pathname}`;
    return citationText(c.exact, props.source, c.source, link);
  };
  const copy = async () => {
    clearTimeout(timer);
    const ok = await copyText(text());
    setState(ok ? "copied" : "manual");
    if (ok) timer = setTimeout(() => setState("idle"), 2500);
  };
  return (
    <>
      <button type="button" class="link copy-citation" onClick={() => void copy()}>
        {state() === "copied" ? t("event.copiedShort") : t("event.copy")}
      </button>
      <span class="copy-status" role="status">
        {state() === "copied" ? t("event.copied") : ""}
      </span>
      <Show when={state() === "manual"}>
        <label class="copy-manual">
          {t("event.copyRefused")}
          <textarea
            readonly
            rows={4}
            value={text()}
            ref={(el) => queueMicrotask(() => el.select())}
          />
        </label>
      </Show>
    </>
  );
}
