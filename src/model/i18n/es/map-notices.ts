/** Lo que dice el mapa cuando algo falla, y las etiquetas de MapLibre (ver en/map-notices.ts). */
import type { MapNoticeText } from "../en/map-notices.ts";

export const mapNotices: MapNoticeText = {
  eventsFailed: (why: string) => `El mapa no pudo dibujar los eventos: ${why}`,
  basemapFailed: (what: string, why: string) => `Falló el mapa base ${what}: ${why}`,
  archiveMissing: (file: string, why: string) =>
    `No se pudo cargar el archivo del mapa base ${file} (${why}). Los eventos se muestran sin mapa base.`,
  fellBack: (name: string, url: string, why: string) =>
    `No se pudo cargar el ${name} ${url} (${why}); se muestra el mapa base sin conexión incluido.`,
  names: {
    online: "mapa base en línea",
    streets: "mapa base de calles",
    satellite: "mapa base satelital",
  },
  unknown: "error desconocido",
  maplibre: {
    "Map.Title": "Mapa",
    "AttributionControl.ToggleAttribution": "Mostrar u ocultar los créditos",
    "AttributionControl.MapFeedback": "Comentarios sobre el mapa",
    "NavigationControl.ZoomIn": "Acercar",
    "NavigationControl.ZoomOut": "Alejar",
    "NavigationControl.ResetBearing": "Orientar al norte",
  },
};
