/** Los controles de reproducción de la línea de tiempo. */
import type { Messages } from "../messages.ts";
import { formatNumber as n, plural } from "../intl.ts";

export const playback: Messages["playback"] = {
  group: "Reproducción",
  play: "Reproducir",
  pause: "Pausa",
  back: "Paso atrás",
  forward: "Paso adelante",
  mode: "Ventana de reproducción",
  speed: "Velocidad de reproducción",
  modes: { day: "Día", week: "Semana", month: "Mes", cumulative: "Acumulado" },
  perSecond: (count: number) =>
    `${n("es", count)} ${plural("es", count, { one: "paso", other: "pasos" })}/s`,
  keys: "Espacio: reproducir o pausar · ← →: paso",
};
