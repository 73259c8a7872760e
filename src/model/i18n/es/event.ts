/** Un evento: su panel, su fila en la lista, sus fechas en palabras, y la marca de una traducción. */
import type { Messages } from "../messages.ts";
import { formatNumber as n, plural } from "../intl.ts";

export const event: Messages["event"] = {
  allEvents: "Todos los eventos",
  expected: "Previsto, no informado como ocurrido",
  expectedShort: "Previsto",
  summary: "Resumen del curador: ",
  when: "Cuándo",
  where: "Dónde",
  status: "Estado",
  actors: "Actores",
  sources: "Fuentes",
  announced: " · la fecha anunciada",
  notPlaced: " · no ubicado en el mapa",
  notOnMap: " · no está en el mapa",
  filteredOut:
    "Fuera de los filtros actuales: no está en la lista ni en el conteo; se muestra porque está abierto.",
  origins: "De dónde vienen los pasajes",
  noMatch: "Ningún evento coincide con estos filtros.",
  widen: "Amplíe el rango de fechas, busque menos palabras, o",
  clearAll: "quite todos los filtros",
  order: "Orden de la lista",
  sorts: { oldest: "Más antiguos primero", newest: "Más recientes primero" },
  list: "Eventos",
  atSpotCount: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "evento", other: "eventos" })} en este punto`,
  atSpot: "Eventos en este punto",
  passages: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "pasaje", other: "pasajes" })}`,
  originalIn: "original en inglés",
  linkPassage: "Enlace a este pasaje",
  quoteNotFound: "Esta cita no se encontró en su fuente; ejecute {cmd}.",
  quoteTranslation: "Traducción",
  stance: {
    reports: "Reporta",
    claims: "Transmite una afirmación",
    denies: "Desmiente",
    forecasts: "Pronostica",
    date: "Fija la fecha",
    place: "Fija el lugar",
  },
  stanceSaid: {
    reports: "La fuente lo reporta.",
    claims: "La fuente transmite una afirmación.",
    denies: "La fuente lo desmiente.",
    forecasts: "La fuente lo pronostica.",
    date: "Este pasaje solo fija la fecha.",
    place: "Este pasaje solo fija el lugar.",
  },
  retells: (origin: string) =>
    `Reproduce ${origin}: cuenta como ese origen, no como un testigo propio.`,
  circa: "c. ",
  copy: "Copiar la cita",
  copiedShort: "Copiada ✓",
  copied: "Cita copiada al portapapeles.",
  copyRefused: "No se permitió copiar: seleccione este texto y cópielo.",
};

export const categories: Messages["categories"] = {
  "security-alert": "Alerta de seguridad",
  checkpoint: "Punto de control / patrulla",
  "military-strike": "Ataque militar",
  raid: "Incursión",
  detention: "Detención",
  prison: "Cárcel / excarcelaciones",
  protest: "Protesta",
  "maritime-seizure": "Incautación marítima",
  "naval-deployment": "Despliegue naval",
  airspace: "Espacio aéreo / vuelos",
  diplomacy: "Diplomacia",
  statement: "Declaración",
  sanctions: "Sanciones / finanzas",
  policy: "Política / acción ejecutiva",
  "military-preparation": "Preparativos militares",
};

export const dates: Messages["dates"] = {
  precision: {
    day: "al día",
    week: "a la semana",
    month: "al mes",
    range: "dentro de un rango",
    before: "sin fecha dada: en o antes de",
  },
  weekOf: "semana del ",
  by: "a más tardar el ",
  place: {
    exact: "exacto",
    approximate: "aproximado",
    city: "a nivel de ciudad",
    region: "a nivel de región",
    country: "a nivel de país",
  },
};
