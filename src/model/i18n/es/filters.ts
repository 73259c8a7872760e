/** Las palabras de la barra de filtros (un área diferida: ver en/filters.ts). */
import type { FiltersText } from "../en/filters.ts";

export const filters: FiltersText = {
  label: "Filtros",
  searchLabel: "Buscar en títulos, resúmenes y pasajes citados",
  searchPlaceholder: "Buscar eventos y citas…",
  category: "Categoría",
  status: "Estado",
  source: "Fuente",
  dates: "Fechas",
  from: "Desde",
  to: "Hasta",
};
