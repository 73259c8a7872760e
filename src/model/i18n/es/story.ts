/** El panel de la historia y el botón que la abre. */
import type { Messages } from "../messages.ts";
import { formatNumber as n } from "../intl.ts";

export const story: Messages["story"] = {
  kicker: "Historia",
  loading: "Cargando la historia…",
  failed: (id: string, message: string) => `No se pudo cargar la historia «${id}»: ${message}`,
  progress: (step: number, total: number) => `${n("es", step)} de ${n("es", total)}`,
  progressLabel: "Paso",
  previous: "Anterior",
  next: "Siguiente",
  close: "Cerrar la historia",
  passages: "Los pasajes en que se apoya",
  events: "Eventos de este paso",
  read: "Leer en la fuente",
  notFound: "(no se encontró en la fuente)",
  launch: "Historia",
};
