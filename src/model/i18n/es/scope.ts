/** El alcance de una vista en una línea (un área diferida: ver en/scope.ts). */
import type { ScopeText } from "../en/scope.ts";
import { formatNumber as n, plural } from "../intl.ts";

export const scope: ScopeText = {
  allDates: "Todas las fechas",
  allEvents: "todos los eventos",
  or: " o ",
  range: (from: string, to: string) => `${from} – ${to}`,
  from: (day: string) => `desde el ${day}`,
  until: (day: string) => `hasta el ${day}`,
  citing: (sources: string) => `que citan ${sources}`,
  matching: (q: string) => `que coinciden con «${q}»`,
  shown: (shown: number, total: number) =>
    `${n("es", shown)} de ${n("es", total)} ${plural("es", total, { one: "evento", other: "eventos" })}`,
};
