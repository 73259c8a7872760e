/** El mapa, su leyenda y la línea de tiempo debajo. */
import { formatNumber as n, plural } from "../intl.ts";
import type { Messages } from "../messages.ts";

export const map: Messages["map"] = {
  basemap: "Mapa base",
  basemaps: { embedded: "Sin conexión", streets: "Calles", satellite: "Satélite" },
  basemapHints: {
    embedded: "Mapa sin conexión: tierra, fronteras, estados y lugares, incluido en la aplicación",
    streets: "Calles detalladas de OpenStreetMap (en línea)",
    satellite: "Imágenes satelitales Sentinel-2, 10 m (en línea)",
  },
  hereCount: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "evento", other: "eventos" })} aquí`,
  closeHere: "Cerrar la lista de eventos de este punto",
  label:
    "Mapa de eventos. La lista de eventos es la alternativa para teclado y lector de pantalla.",
  legend: "Leyenda",
  legendLabel: "Leyenda del mapa",
  keyArea: "Área o radio: lugar conocido solo de forma aproximada",
  keyLine: "Línea discontinua: ruta aproximada",
  keyRing: "Anillo rojo: disputado por una fuente",
  keyExpected: "Hueco, discontinuo: previsto o anunciado, no informado como ocurrido",
  keyCluster: "Varios eventos: haga clic para expandir",
  keyDot: "Vista alejada: un punto por evento",
  keyPale: "Pálido: lugar conocido solo a grandes rasgos (selecciónelo para ver su área o radio)",
  statusLabel: "Estado, contado por origen",
  loadingMap: "Cargando el mapa…",
  notLoaded: (why: string) => `No se pudo cargar el mapa: ${why}`,
  dense: (count: number, zoom: number) =>
    `${n("es", count)} ${plural("es", count, { one: "evento", other: "eventos" })} en el mapa: por debajo del zoom ${n("es", zoom)} cada uno es un punto, luego un icono; los pálidos son lugares conocidos solo a grandes rasgos.`,
  denseSliced: "Las rutas y áreas se dibujan solo para el evento seleccionado.",
  denseSelect: "Seleccione uno para ver su área o radio.",
  zoomResults: "Acercar a los resultados",
};

export const timeline: Messages["timeline"] = {
  label: "Línea de tiempo",
  start: "Inicio del rango de fechas",
  end: "Fin del rango de fechas",
  loading: "cargando",
  all: (first: string, last: string) => `Todas las fechas: ${first} – ${last}`,
  outside: (range: string) => `${range} (ningún evento en estas fechas)`,
  noDates: "Sin fechas",
  loadingDates: "Cargando fechas…",
  compressed: (day: string) => `Antes del ${day} el eje está comprimido`,
  chooseRange: "Elija primero un rango de fechas",
  showAll: "Mostrar todas las fechas",
  zoom: "Acercar al rango",
};
