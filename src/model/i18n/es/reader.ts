/** Las palabras del lector de fuentes: un área diferida, con su propio par de catálogos. */
import type { ReaderText } from "../en/reader.ts";
import { formatNumber as n, plural } from "../intl.ts";

const events = (count: number) =>
  `${n("es", count)} ${plural("es", count, { one: "evento", other: "eventos" })}`;

export const reader: ReaderText = {
  backToEvent: "Volver al evento",
  allEvents: "Todos los eventos",
  notLoaded: "No se pudo cargar el texto de esta fuente.",
  fromEvent: "Citado por el evento del que viene: ",
  eyebrow: "Documento fuente · ",
  noOutlet: "Medio no nombrado en el texto",
  circa: "c. ",
  passages: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "pasaje citado", other: "pasajes citados" })}`,
  citing: "Eventos que citan este pasaje",
  citedByCount: (count: number) => `Este pasaje lo citan ${events(count)}:`,
  cancel: "Cancelar",
  citedBy: (title: string) => `Citado por: ${title}`,
  citedByMany: (count: number) => `Citado por ${events(count)}`,
};
