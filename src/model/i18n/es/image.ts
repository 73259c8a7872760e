/** Las palabras de la imagen guardada y de la impresión (un área diferida: ver en/image.ts). */
import type { ImageText } from "../en/image.ts";

export const image: ImageText = {
  title: "Mapa de situación de Venezuela",
  map: (credits: string) => `Mapa: ${credits}`,
  saved: (day: string, link: string) => `Guardado el ${day} desde ${link}`,
  still: "El mapa tal como se ve",
};
