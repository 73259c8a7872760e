/** El estado de un evento en palabras, contado por origen. */
import type { Messages } from "../messages.ts";
import { formatNumber as n, plural } from "../intl.ts";

const count = (k: number, one: string, other: string) =>
  `${n("es", k)} ${plural("es", k, { one, other })}`;

export const status: Messages["status"] = {
  label: { reported: "Reportado", corroborated: "Corroborado", disputed: "Desmentido" },
  meaning: {
    reported: "un solo origen, aunque lo cuenten varios documentos",
    corroborated: "lo reportan dos o más orígenes independientes",
    disputed: "un pasaje citado lo desmiente",
  },
  chip: {
    reported: "1 origen",
    corroborated: "2+ orígenes independientes",
    disputed: "desmentido",
  },
  origins: (k: number) => count(k, "origen", "orígenes"),
  documents: (k: number) => count(k, "documento", "documentos"),
  passages: (k: number) => count(k, "pasaje", "pasajes"),
  independent: (k: number) => count(k, "origen independiente", "orígenes independientes"),
  toldIn: (documents: string) => `contado en ${documents}`,
  deniedBy: (who: string) => `desmentido por ${who}`,
  denied: "desmentido",
  toldBy: (origins: string, documents: string) => `; contado por ${origins}, en ${documents}`,
  noOrigin: "sin origen",
  noPassage: "ningún pasaje cuenta el evento en sí",
  asFact: (independent: number) =>
    `; ${independent === 0 ? "ninguno lo reporta" : "solo 1 lo reporta"} como hecho`,
  and: " y ",
  ownText: ": su propio texto",
  hedges: " (solo transmite una afirmación o matiza)",
  disputedBy: "Desmentido por ",
};
