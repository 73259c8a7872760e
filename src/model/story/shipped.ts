/**
 * The stories shipped in data/stories/, named here so the map can offer them without fetching
 * each file first. tests/data/stories.test.ts keeps this list equal to the folder and each title
 * equal to its file's.
 */
import type { Translations } from "../i18n/localized.ts";

export interface ShippedStory {
  id: string;
  title: string;
  /** The title, translated, as in the file. */
  i18n?: Translations<"title">;
}

export const SHIPPED_STORIES: readonly ShippedStory[] = [
  {
    id: "carrier-to-raid",
    title: "From the carrier to the raid and after (Nov 2025 – Jan 2026)",
    i18n: { es: { title: "Del portaaviones a la incursión y después (nov 2025 – ene 2026)" } },
  },
];
