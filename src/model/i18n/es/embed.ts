/** Las palabras propias de la vista insertada (un área diferida: ver en/embed.ts). */
import type { EmbedText } from "../en/embed.ts";

export const embed: EmbedText = {
  heading: "Mapa de situación de Venezuela · Crisis EE. UU.–Venezuela",
  openFull: "Abrir el mapa completo ↗",
  back: "Lista",
  close: "Cerrar este evento",
  viewSources: "Ver las fuentes ↗",
};
