/** El marco de la página: título, barra, contador, hoja, lo que dicen una carga o un enlace. */
import type { Messages } from "../messages.ts";
import { formatNumber as n, plural } from "../intl.ts";

const events = (count: number) => plural("es", count, { one: "evento", other: "eventos" });

export const app: Messages["app"] = {
  title: "Mapa de situación de Venezuela",
  subtitle: "Crisis EE. UU.–Venezuela, 2025–26",
  dataset: (path: string) => `conjunto de datos ${path}`,
  description:
    "Un mapa de situación sin conexión de la crisis EE. UU.–Venezuela de 2025–26: cada marcador enlazado a los pasajes exactos de las fuentes en que se apoya.",
  sourceWord: "fuente",
  skip: "Saltar a la lista de eventos",
  side: "Eventos y fuentes",
  sheetMap: "Más mapa ▾",
  sheetList: "Más lista ▴",
  loadFailed: "No se pudieron cargar los eventos",
  loadCheck: "Verifique que el archivo exista y sea válido (ejecute {cmd}) y vuelva a cargar.",
  loadCurated: "Abrir en su lugar el conjunto de datos curado",
  loadingAll: "Cargando eventos y fuentes…",
  loading: "Cargando eventos…",
  loadingN: (count: number) => `Cargando ${n("es", count)} ${events(count)}…`,
  noEvents: "No se cargó ningún evento",
  shown: (shown: number, total: number) =>
    `${n("es", shown)} de ${n("es", total)} ${events(total)}`,
  clearFilters: "Quitar filtros",
  activeFilters: "Filtros activos",
  dismiss: "Descartar aviso",
};

export const actions: Messages["actions"] = {
  filters: "Filtros",
  more: "Más",
  geojson: "GeoJSON",
  geojsonTitle: "Descargar como GeoJSON los eventos mostrados",
  csv: "CSV",
  csvTitle: "Descargar como CSV una fila por cita",
  image: "Imagen",
  imageTitle: "Guardar el mapa tal como se ve, con su leyenda y créditos, como imagen PNG",
  print: "Imprimir",
  printTitle: "Imprimir el texto del evento abierto con el mapa al lado",
  share: "Compartir",
  curate: "Curaduría",
  curateTitle: "Añadir fuentes y eventos a un borrador de estos datos y luego exportarlo",
  language: "Idioma",
  langNames: { en: "English", es: "Español" },
};

export const chips: Messages["chips"] = {
  category: "categoría",
  status: "estado",
  source: "fuente",
  search: "búsqueda",
  dates: "fechas",
  from: (day: string) => `Desde ${day}`,
  to: (day: string) => `Hasta ${day}`,
  remove: (kind: string, what: string) => `Quitar filtro: ${kind} ${what}`,
};

export const notices: Messages["notices"] = {
  ignored: (parts: string) => `Se ignoraron partes de este enlace: ${parts}.`,
  missingText: (id: string, more: number) =>
    `No se pudo cargar el texto de una fuente: ${id}${more ? ` (y ${n("es", more)} más)` : ""}.`,
  unresolved: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "cita no se encontró", other: "citas no se encontraron" })} en sus fuentes.`,
  noEvent: (id: string) => `No se encontró el evento «${id}»; se muestra todo lo demás del enlace.`,
  copyLink: (url: string) => `Copie este enlace: ${url}`,
  copied: "Enlace copiado al portapapeles.",
  shared: "Enlace compartido.",
  update: "Hay una nueva versión del mapa y de sus datos.",
  reload: "Recargar para actualizar",
  copyEmbed: "Copiar código para insertar",
  embedCopied: "Código copiado: péguelo en el HTML de su página.",
  copyEmbedManual: (code: string) => `Copie este código para insertar: ${code}`,
  notDrawn: "El mapa aún no está dibujado: inténtelo de nuevo en un momento.",
};
