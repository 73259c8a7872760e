/**
 * The language switch: EN / ES in the toolbar's menu, pressed for the language shown. Choosing
 * one puts it in the view (so the link carries `lang=`), fetches its catalogue, and the toolbar,
 * the counter and `<html lang>` follow; a link's `lang=` wins over the browser's languages.
 */
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../../src/model/i18n/catalogue.ts";
import { es } from "../../src/model/i18n/es/index.ts";
import { type Lang, resolveLang } from "../../src/model/i18n/lang.ts";
import { formatHash } from "../../src/model/url/state.ts";
import { emptyViewState } from "../../src/model/view-state.ts";
import { type AppState, createAppState } from "../../src/state/app-state.ts";
import { createI18n } from "../../src/state/i18n.ts";
import { Counter } from "../../src/ui/Counter.tsx";
import { I18nContext } from "../../src/ui/i18n.ts";
import { TopbarActions } from "../../src/ui/TopbarActions.tsx";

function setup(linkLang: Lang | null, browser: string[]): AppState {
  let state!: AppState;
  const first = resolveLang(linkLang, browser);
  render(() => {
    state = createAppState({ ...emptyViewState(), lang: linkLang });
    const i18n = createI18n(() => resolveLang(state.view.lang, browser), {
      lang: first,
      messages: first === "es" ? es : en,
    });
    return (
      <I18nContext.Provider value={i18n}>
        <TopbarActions
          filtersOpen={false}
          onFilters={() => {}}
          onExport={() => {}}
          onSaveImage={() => {}}
          onPrint={() => {}}
          curate={false}
          onCurate={() => {}}
          onShare={() => {}}
          onLang={(lang) => state.actions.setLang(lang)}
        />
        <Counter state={state} />
      </I18nContext.Provider>
    );
  });
  return state;
}

const pressed = (name: string) => screen.getByRole("button", { name }).getAttribute("aria-pressed");

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("the language switch", () => {
  it("opens in the browser's language when the link names none", () => {
    setup(null, ["es-VE", "en"]);
    expect(pressed("ES")).toBe("true");
    expect(pressed("EN")).toBe("false");
    expect(screen.getByRole("button", { name: "Compartir" })).toBeInTheDocument();
    expect(screen.getByTestId("count")).toHaveTextContent("Cargando eventos…");
    expect(document.documentElement).toHaveAttribute("lang", "es");
  });

  it("switches to Spanish: the words, <html lang> and the link follow", async () => {
    const state = setup(null, ["en-US"]);
    expect(screen.getByRole("button", { name: "Share" })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute("lang", "en");
    expect(formatHash(state.view)).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "ES" }));
    expect(state.view.lang).toBe("es");
    expect(formatHash(state.view)).toBe("#lang=es&v=2");
    await screen.findByRole("button", { name: "Compartir" });
    expect(screen.getByRole("button", { name: "Filtros" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Idioma" })).toBeInTheDocument();
    expect(screen.getByTestId("count")).toHaveTextContent("Cargando eventos…");
    expect(pressed("ES")).toBe("true");
    expect(document.documentElement).toHaveAttribute("lang", "es");
  });

  it("switches back to English from a Spanish link", async () => {
    const state = setup("es", ["es-VE"]);
    expect(screen.getByRole("button", { name: "Compartir" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    expect(state.view.lang).toBe("en");
    await waitFor(() => expect(document.documentElement).toHaveAttribute("lang", "en"));
    expect(screen.getByRole("button", { name: "Share" })).toBeInTheDocument();
    expect(pressed("EN")).toBe("true");
  });

  it("names each language in its own words, whatever is shown", () => {
    setup("es", ["en"]);
    expect(screen.getByRole("button", { name: "EN" })).toHaveAttribute("title", "English");
    expect(screen.getByRole("button", { name: "EN" })).toHaveAttribute("lang", "en");
    expect(screen.getByRole("button", { name: "ES" })).toHaveAttribute("title", "Español");
  });

  it("does nothing when the language shown is chosen again", () => {
    const state = setup(null, ["en"]);
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    expect(state.view.lang).toBeNull();
  });
});
