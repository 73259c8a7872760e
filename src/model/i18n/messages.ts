/** Every interface string: the shape of the English catalogue, which each language fills. */
import type { en } from "./en/index.ts";

export type Messages = typeof en;
