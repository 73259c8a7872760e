/**
 * The toolbar's actions. On a phone there is room for Filters and Share only, so the downloads,
 * the image and print sit behind "More", a menu that closes after a choice, on Escape, or on a
 * tap elsewhere; on a wider screen they are plain buttons in the row. The language switch (EN /
 * ES) goes with them. "Curate" switches curate mode (the draft editor) on and off; the embed view
 * hides the whole toolbar.
 */
import { For, createSignal, onCleanup, onMount } from "solid-js";
import { LANGS, type Lang } from "../model/i18n/lang.ts";
import { useI18n } from "./i18n.ts";

export interface TopbarActionsProps {
  filtersOpen: boolean;
  onFilters: () => void;
  onExport: (format: "geojson" | "csv") => void;
  onSaveImage: () => void;
  onPrint: () => void;
  onShare: () => void;
  curate: boolean;
  onCurate: () => void;
  /** The reader chose a language. */
  onLang: (lang: Lang) => void;
}

export function TopbarActions(props: TopbarActionsProps) {
  const { t, lang } = useI18n();
  const [more, setMore] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let toggle: HTMLButtonElement | undefined;
  const choose = (run: () => void) => () => {
    setMore(false);
    run();
  };
  onMount(() => {
    const away = (e: PointerEvent) => {
      if (more() && root && !root.contains(e.target as Node)) setMore(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !more()) return;
      setMore(false);
      toggle?.focus();
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", key);
    onCleanup(() => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", key);
    });
  });
  return (
    <div class="actions" ref={root}>
      <button
        type="button"
        class="btn"
        aria-expanded={props.filtersOpen}
        aria-controls="filters"
        onClick={() => props.onFilters()}
      >
        {t("actions.filters")}
      </button>
      <button
        ref={toggle}
        type="button"
        class="btn more-toggle"
        aria-expanded={more()}
        aria-controls="more-actions"
        onClick={() => setMore(!more())}
      >
        {t("actions.more")}
      </button>
      <div id="more-actions" class="more-actions" classList={{ open: more() }}>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onExport("geojson"))}
          title={t("actions.geojsonTitle")}
        >
          {t("actions.geojson")}
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onExport("csv"))}
          title={t("actions.csvTitle")}
        >
          {t("actions.csv")}
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onSaveImage())}
          title={t("actions.imageTitle")}
        >
          {t("actions.image")}
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onPrint())}
          title={t("actions.printTitle")}
        >
          {t("actions.print")}
        </button>
        <button
          type="button"
          class="btn curate-toggle"
          aria-pressed={props.curate}
          onClick={choose(() => props.onCurate())}
          title={t("actions.curateTitle")}
        >
          {t("actions.curate")}
        </button>
        <LangSwitch lang={lang()} onLang={(l) => choose(() => props.onLang(l))()} />
      </div>
      <button type="button" class="btn primary" onClick={() => props.onShare()}>
        {t("actions.share")}
      </button>
    </div>
  );
}

/** EN / ES: each button in its own language, pressed for the one shown. */
export function LangSwitch(props: { lang: Lang; onLang: (lang: Lang) => void }) {
  const { t } = useI18n();
  const names = () => t("actions.langNames");
  return (
    <fieldset class="lang-switch" aria-label={t("actions.language")}>
      <For each={LANGS}>
        {(l) => (
          <button
            type="button"
            class="btn"
            lang={l}
            title={names()[l]}
            aria-pressed={props.lang === l}
            onClick={() => props.lang !== l && props.onLang(l)}
          >
            {l.toUpperCase()}
          </button>
        )}
      </For>
    </fieldset>
  );
}
