/**
 * Beside a curator's text shown in its original language because it has no translation in the
 * language around it: a visible "original in English". Nothing when the languages agree.
 */
import { Show } from "solid-js";
import type { Lang } from "../model/i18n/lang.ts";
import { useI18n } from "./i18n.ts";

export function OriginalMark(props: { lang: Lang }) {
  const { t, lang } = useI18n();
  return (
    <Show when={props.lang !== lang()}>
      {" "}
      <span class="original-mark" lang={lang()}>
        ({t("event.originalIn")})
      </span>
    </Show>
  );
}
