/**
 * The draft's state in one line: restored from this browser, or how many changes it holds and that
 * they are saved; and "Discard draft", which asks first, in the page (a dialog box would be lost
 * behind other windows and cannot be styled or tested like the rest).
 */
import { Show, createSignal } from "solid-js";
import type { DraftSession } from "../../state/curate/draft-session.ts";

const changes = (n: number) => `${n} ${n === 1 ? "change" : "changes"}`;
const T = {
  looking: "Looking for a draft saved in this browser…",
  none: "No changes yet.",
  restored: (n: number) => `Draft restored (${changes(n)})`,
  saved: (n: number) => `${changes(n)}, saved in this browser`,
  saveFailed: (why: string) => `The draft could not be saved in this browser: ${why}`,
  discard: "Discard draft",
  confirm: (n: number) => `Discard ${changes(n)}? This cannot be undone.`,
  yes: "Discard",
  no: "Keep the draft",
};

export function DraftStatus(props: { session: DraftSession }) {
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
          ? T.looking
          : s().restored() !== null && s().changes() > 0
            ? T.restored(s().changes())
            : s().changes() > 0
              ? T.saved(s().changes())
              : T.none}
      </p>
      <Show when={s().saveError()}>
        {(why) => (
          <p role="alert" class="draft-error">
            {T.saveFailed(why())}
          </p>
        )}
      </Show>
      <Show when={s().changes() > 0}>
        <Show
          when={asking()}
          fallback={
            <button ref={discardButton} type="button" class="btn" onClick={() => setAsking(true)}>
              {T.discard}
            </button>
          }
        >
          <fieldset class="draft-confirm">
            <legend class="sr-only">{T.discard}</legend>
            <p>{T.confirm(s().changes())}</p>
            {/* Keeping is the safe answer, so it comes first and takes the focus. */}
            <button
              type="button"
              class="btn"
              ref={(b) => queueMicrotask(() => b.focus())}
              onClick={() => answer(false)}
            >
              {T.no}
            </button>
            <button type="button" class="btn danger" onClick={() => answer(true)}>
              {T.yes}
            </button>
          </fieldset>
        </Show>
      </Show>
    </div>
  );
}
