/**
 * The draft's problems, as `npm run check:data` would print them for its export: the validator's
 * messages word for word, updated shortly after every change. Each one that points somewhere is
 * a button that goes there: the event it names (selected, so its panel and the event form show
 * it), the passage a citation quotes (open in the reader), or the source it is about.
 */
import { For, Show } from "solid-js";
import { problemTarget } from "../../model/curate/problem-target.ts";
import type { Problem } from "../../model/validate/problem.ts";
import type { AppState } from "../../state/app-state.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { createDraftValidation } from "../../state/curate/draft-validation.ts";
import "./problems.css";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

/** Where a problem is: its file, event and path, as the validator names them. */
const where = (p: Problem) => [p.file, p.featureId, p.path].filter(Boolean).join(" · ");

export function ProblemsList(props: { session: DraftSession; state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const s = props.state;
  const verdict = createDraftValidation(props.session.draft);
  const problems = () => verdict().problems;
  const errors = () => problems().filter((p) => p.severity === "error").length;

  const go = (problem: Problem) => {
    const target = problemTarget(props.session.draft(), problem);
    if (!target) return;
    if (target.kind === "source") return s.actions.openSource(target.sourceId);
    s.actions.select(target.eventId);
    if (target.kind === "citation") s.actions.openSource(target.source, target.passage);
  };

  return (
    <section class="problems" aria-labelledby="problems-heading" data-testid="problems">
      <h3 id="problems-heading" aria-live="polite">
        {words().problems.heading(problems().length)}
      </h3>
      <Show
        when={problems().length > 0}
        fallback={<p class="field-help">{words().problems.none}</p>}
      >
        <p class="field-help">{words().problems.counts(errors(), problems().length - errors())}</p>
        <ul class="problem-list">
          <For each={problems()}>
            {(problem) => {
              const content = (
                <>
                  <span class={`severity ${problem.severity}`}>
                    {problem.severity === "error"
                      ? words().problems.error
                      : words().problems.warning}
                  </span>{" "}
                  <span class="problem-message">{problem.message}</span>
                  <span class="problem-where">{where(problem)}</span>
                  <span class="problem-hint">
                    {words().problems.hint} {problem.hint}
                  </span>
                </>
              );
              return (
                <li>
                  <Show
                    when={problemTarget(props.session.draft(), problem)}
                    fallback={<div class="problem">{content}</div>}
                  >
                    <button type="button" class="problem" onClick={() => go(problem)}>
                      {content}
                    </button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
