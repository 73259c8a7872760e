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
  note: {
    summary: "Cómo se califica la evidencia",
    countedBy:
      "Cada evento se apoya en pasajes citados palabra por palabra de los documentos fuente. La evidencia se cuenta por",
    origin: "origen",
    notByDocument:
      ", no por documento: un documento que reproduce otro informe no es un segundo testigo, así que sus pasajes cuentan como ese informe. Tres de los cinco documentos de aquí reproducen un mismo informe sin nombre, y cuentan como uno.",
    corroborated: ", cada uno en un pasaje sobre el evento mismo",
    disputed: "; el desmentido se muestra junto con los informes",
    expected:
      "una fuente dice que se esperaba o se anunció, no que ocurrió. Se fecha el día anunciado y se dibuja hueco",
    hedges:
      "Un pasaje que matiza o transmite lo que alguien afirma («según informes», «dijo un funcionario») cuenta el evento pero no lo respalda. Los pasajes que solo fijan la fecha o el lugar (el lugar y la fecha al inicio de una nota, un titular relacionado) se listan aparte y nunca cuentan.",
  },
  groups: {
    denies: (who: string) => `Desmentido por ${who}`,
    event: (who: string) => `De ${who}`,
    date: "Pasajes que solo fijan la fecha",
    place: "Pasajes que solo fijan el lugar",
  },
  groupNotes: {
    date: "El lugar y la fecha al inicio de una nota, o un pasaje sobre otra cosa que fecha este evento: se lista por la fecha, nunca se cuenta como evidencia.",
    place: "Se lista por el lugar, nunca se cuenta como evidencia.",
  },
};
