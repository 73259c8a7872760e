/**
 * The draft's state in one line: restored from this browser, or how many changes it holds and that
 * they are saved; and "Discard draft", which asks first, in the page (a dialog box would be lost
 * behind other windows and cannot be styled or tested like the rest).
 */
import { Show, createSignal } from "solid-js";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function DraftStatus(props: { session: DraftSession }) {
  const words = useAreaText(curateEn, curateEs);
  const s = () => props.session;
  const [asking, setAsking] = createSignal(false);
  let discardButton: HTMLButtonElement | undefined;
  const answer = (discard: boolean) => {
    setAsking(false);
    if (discard) void s().discard();
    else queueMicrotask(() => discardButton?.focus());
  };
  return (
    <div class="draft-status" data-testid="draft-status">
      <p role="status" class="draft-line">
        {!s().ready()
          ? words().draft.looking
          : s().restored() !== null && s().changes() > 0
            ? words().draft.restored(s().changes())
            : s().changes() > 0
              ? words().draft.saved(s().changes())
              : words().draft.none}
      </p>
      <Show when={s().saveError()}>
        {(why) => (
          <p role="alert" class="draft-error">
            {words().draft.saveFailed(why())}
          </p>
        )}
      </Show>
      <Show when={s().changes() > 0}>
        <Show
          when={asking()}
          fallback={
            <button ref={discardButton} type="button" class="btn" onClick={() => setAsking(true)}>
              {words().draft.discard}
            </button>
          }
        >
          <fieldset class="draft-confirm">
            <legend class="sr-only">{words().draft.discard}</legend>
            <p>{words().draft.confirm(s().changes())}</p>
            {/* Keeping is the safe answer, so it comes first and takes the focus. */}
            <button
              type="button"
              class="btn"
              ref={(b) => queueMicrotask(() => b.focus())}
              onClick={() => answer(false)}
            >
              {words().draft.no}
            </button>
            <button type="button" class="btn danger" onClick={() => answer(true)}>
              {words().draft.yes}
            </button>
          </fieldset>
        </Show>
      </Show>
    </div>
  );
}
