/** Numbers, plurals and dates through Intl: "39 of 39 events shown" / "39 de 39 eventos",
 * "1 Sept 2025" / "1 sept 2025". */
import { describe, expect, it } from "vitest";
import { en } from "../../../src/model/i18n/catalogue.ts";
import { es } from "../../../src/model/i18n/es/index.ts";
import {
  formatDayIn,
  formatMonthIn,
  formatNumber,
  formatTick,
  plural,
} from "../../../src/model/i18n/intl.ts";
import { formatEventDate } from "../../../src/model/event-words.ts";

describe("Intl helpers", () => {
  it("writes numbers as each language does", () => {
    expect(formatNumber("en", 12345)).toBe("12,345");
    expect(formatNumber("es", 12345)).toBe("12.345");
  });

  it.each([
    ["en", 1, "event"],
    ["en", 0, "events"],
    ["en", 2, "events"],
    ["es", 1, "evento"],
    ["es", 0, "eventos"],
    ["es", 39, "eventos"],
  ] as const)("%s: %d takes %s", (lang, n, word) => {
    const forms =
      lang === "en" ? { one: "event", other: "events" } : { one: "evento", other: "eventos" };
    expect(plural(lang, n, forms)).toBe(word);
  });

  it("says the count in each language, with its plural", () => {
    expect(en.app.shown(39, 39)).toBe("39 of 39 events shown");
    expect(es.app.shown(39, 39)).toBe("39 de 39 eventos");
    expect(en.app.shown(1, 1)).toBe("1 of 1 event shown");
    expect(es.app.shown(1, 1)).toBe("1 de 1 evento");
    expect(es.app.shown(1200, 1500)).toBe("1200 de 1500 eventos");
    expect(es.app.shown(12000, 15000)).toBe("12.000 de 15.000 eventos");
    expect(es.story.progress(3, 9)).toBe("3 de 9");
  });

  it.each([
    ["2025-09-01", "1 Sept 2025", "1 sept 2025"],
    ["2026-01-03", "3 Jan 2026", "3 ene 2026"],
    ["2025-11-16", "16 Nov 2025", "16 nov 2025"],
  ])("%s is %s / %s", (iso, english, spanish) => {
    expect(formatDayIn("en", iso)).toBe(english);
    expect(formatDayIn("es", iso)).toBe(spanish);
  });

  it("shows an invalid day as given", () => {
    expect(formatDayIn("es", "2025-13-40")).toBe("2025-13-40");
  });

  it("writes months and ticks", () => {
    expect(formatMonthIn("es", "2025-09-01")).toBe("septiembre de 2025");
    expect(formatTick("es", "month", Date.UTC(2026, 0, 1))).toBe("ene 2026");
    expect(formatTick("en", "day", Date.UTC(2026, 0, 3))).toBe("3 Jan");
  });

  it("words an event's date with its precision in the catalogue's words", () => {
    const week = { start: "2025-11-10", end: "2025-11-16", precision: "week" as const, basis: "" };
    expect(formatEventDate(week)).toBe("week of 10 Nov 2025 – 16 Nov 2025");
    expect(formatEventDate(week, "es", es.dates)).toBe("semana del 10 nov 2025 – 16 nov 2025");
    const before = { start: "2026-01-10", precision: "before" as const, basis: "" };
    expect(formatEventDate(before, "es", es.dates)).toBe("a más tardar el 10 ene 2026");
  });
});
