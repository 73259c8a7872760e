/**
 * A new source's record as form fields: each labelled, each problem shown under its field and
 * tied to it (aria-describedby), so a screen reader hears why a field is refused.
 */
import { For, type JSX, Show } from "solid-js";
import type {
  SourceForm,
  SourceFormProblem,
  SourceFormProblems,
} from "../../model/curate/add-source.ts";
import type { SourceDate } from "../../model/types.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function SourceFields(props: {
  form: SourceForm;
  problems: SourceFormProblems;
  precisions: readonly SourceDate["precision"][];
  lineage: { id: string; label: string }[];
  onEdit: (patch: Partial<SourceForm>) => void;
}) {
  const words = useAreaText(curateEn, curateEs);
  const text = (key: "title" | "outlet" | "basis" | "language" | "notes", multi = false) => (
    <Field name={key} label={words().sourceFields[key]} problem={props.problems[key]}>
      {(attrs) =>
        multi ? (
          <textarea
            {...attrs}
            rows="2"
            value={props.form[key]}
            onInput={(e) => props.onEdit({ [key]: e.currentTarget.value })}
          />
        ) : (
          <input
            {...attrs}
            type="text"
            value={props.form[key]}
            onInput={(e) => props.onEdit({ [key]: e.currentTarget.value })}
          />
        )
      }
    </Field>
  );
  return (
    <>
      {text("title")}
      {text("outlet")}
      <div class="field-row">
        <Field name="date" label={words().sourceFields.date} problem={props.problems.date}>
          {(attrs) => (
            <input
              {...attrs}
              type="date"
              value={props.form.date}
              onInput={(e) => props.onEdit({ date: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field name="precision" label={words().sourceFields.precision} problem={undefined}>
          {(attrs) => (
            <select
              {...attrs}
              value={props.form.precision}
              onChange={(e) =>
                props.onEdit({ precision: e.currentTarget.value as SourceDate["precision"] })
              }
            >
              <For each={props.precisions}>
                {(p) => <option value={p}>{words().sourceFields.precisions[p]}</option>}
              </For>
            </select>
          )}
        </Field>
      </div>
      {text("basis", true)}
      {text("language")}
      <LineageFields
        form={props.form}
        problem={props.problems.retellsBasis}
        lineage={props.lineage}
        onEdit={props.onEdit}
      />
      {text("notes", true)}
    </>
  );
}

/** What the document retells, if anything, and why the curator judges so. */
function LineageFields(props: {
  form: SourceForm;
  problem: SourceFormProblem | undefined;
  lineage: { id: string; label: string }[];
  onEdit: (patch: Partial<SourceForm>) => void;
}) {
  const words = useAreaText(curateEn, curateEs);
  return (
    <>
      <Field name="retells" label={words().sourceFields.retells} problem={undefined}>
        {(attrs) => (
          <select
            {...attrs}
            value={props.form.retells}
            onChange={(e) => props.onEdit({ retells: e.currentTarget.value })}
          >
            <option value="">{words().sourceFields.retellsNone}</option>
            <For each={props.lineage}>{(c) => <option value={c.id}>{c.label}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={props.form.retells}>
        <Field
          name="retellsBasis"
          label={words().sourceFields.retellsBasis}
          problem={props.problem}
        >
          {(attrs) => (
            <textarea
              {...attrs}
              rows="2"
              value={props.form.retellsBasis}
              onInput={(e) => props.onEdit({ retellsBasis: e.currentTarget.value })}
            />
          )}
        </Field>
      </Show>
    </>
  );
}

interface FieldAttrs {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

function Field(props: {
  name: string;
  label: string;
  problem: SourceFormProblem | undefined;
  children: (attrs: FieldAttrs) => JSX.Element;
}) {
  const words = useAreaText(curateEn, curateEs);
  const id = `add-source-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.children({
        id,
        get "aria-invalid"() {
          return !!props.problem;
        },
        get "aria-describedby"() {
          return props.problem ? `${id}-problem` : undefined;
        },
      })}
      <Show when={props.problem}>
        {(p) => (
          <p id={`${id}-problem`} class="draft-error">
            {words().sourceForm[p()]}
          </p>
        )}
      </Show>
    </div>
  );
}
