/** Las palabras de las páginas que genera la compilación: un par de catálogos propio (en/pages.ts). */
import type { PageText } from "../en/pages.ts";
import { formatNumber as n, plural } from "../intl.ts";

export const pages: PageText = {
  head: {
    siteName: "Mapa de situación de Venezuela",
    locale: "es_VE",
  },
  event: {
    summary: "Resumen del curador:",
    openOnMap: "Abrir en el mapa",
    readInSource: "Leerlo en la fuente",
    mapOf: (place: string) => `Mapa de ${place}`,
    unplaced: (place: string) => `${place} (no ubicado en el mapa)`,
    expected: "previsto",
  },
  source: {
    noOutlet: "Medio no nombrado",
    circa: "c. ",
    asFile: "el texto como archivo",
    citedIn: "citado en: ",
    describe: (about: string, count: number) => {
      const [passage, cited, marked] =
        plural("es", count, { one: "1", other: "n" }) === "1"
          ? ["pasaje", "citado", "resaltado"]
          : ["pasajes", "citados", "resaltados"];
      return `${about}. El texto completo; ${n("es", count)} ${passage} ${cited} por el mapa, ${marked}.`;
    },
  },
  other: { label: "Read in English", lang: "en" },
};
