/**
 * The validator's verdict on a draft (validateDraft, the code `npm run check:data` runs), kept per
 * draft object: a draft is never changed in place, so the citation check and the problems list
 * share one run for each state of the draft.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from "solid-js";
import { type Draft, validateDraft } from "../../model/curate/draft.ts";
import type { ValidationResult } from "../../model/validate/validate.ts";

const verdicts = new WeakMap<Draft, ValidationResult>();

export function validationOf(draft: Draft): ValidationResult {
  let result = verdicts.get(draft);
  if (!result) {
    const start = performance.now();
    result = validateDraft(draft);
    // For tooling (docs/performance.md): how long the page's checks of a draft take.
    performance.measure("vsm:validate-draft", { start, end: performance.now() });
    verdicts.set(draft, result);
  }
  return result;
}

/**
 * The draft's verdict, `delay` ms after its last change: typing in a field changes the draft on
 * every key, and a run on the shipped data takes tens of milliseconds (docs/performance.md).
 */
export function createDraftValidation(
  draft: Accessor<Draft>,
  delay = 150,
): Accessor<ValidationResult> {
  const [verdict, setVerdict] = createSignal(validationOf(draft()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      draft,
      (d) => {
        clearTimeout(timer);
        timer = setTimeout(() => setVerdict(validationOf(d)), delay);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return verdict;
}
