/**
 * How each category looks: a label, a colour and a shape. Colour is never the only signal, so
 * every category also has its own shape, given as an SVG path on a 24×24 grid. The legend draws
 * it as SVG and the map rasterises the same path into an icon, so the two cannot drift.
 */
import type { Category } from "./types.ts";

export interface CategoryStyle {
  label: string;
  color: string;
  shape: string;
}

const circle = "M12 3a9 9 0 1 0 0.01 0Z";
const square = "M4 4h16v16H4Z";
const diamond = "M12 2 22 12 12 22 2 12Z";
const triangle = "M12 3 22 20H2Z";
const triangleDown = "M2 4h20L12 21Z";
const pentagon = "M12 2 22 9.5 18 21H6L2 9.5Z";
const hexagon = "M7 3h10l5 9-5 9H7l-5-9Z";
const star = "M12 1.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.6 5.6 21.1 7 14 1.7 9l7.2-.9Z";
const cross = "M8.5 2h7v6.5H22v7h-6.5V22h-7v-6.5H2v-7h6.5Z";
const octagon = "M8 2h8l6 6v8l-6 6H8l-6-6V8Z";
const shield = "M12 2 21 5v7c0 5-4 9-9 10-5-1-9-5-9-10V5Z";
const hourglass = "M4 2h16l-6 10 6 10H4l6-10Z";
const drop = "M12 2c4 6 8 9.5 8 13.5a8 8 0 0 1-16 0C4 11.5 8 8 12 2Z";
const page = "M5 2h10l5 5v15H5Z";
const chevron = "M12 3 22 11v8l-10-7-10 7v-8Z";

export const CATEGORY_STYLE: Record<Category, CategoryStyle> = {
  "security-alert": { label: "Security alert", color: "#d97706", shape: triangle },
  checkpoint: { label: "Checkpoint / patrol", color: "#b45309", shape: square },
  "military-strike": { label: "Military strike", color: "#dc2626", shape: star },
  raid: { label: "Raid", color: "#991b1b", shape: octagon },
  detention: { label: "Detention", color: "#7c3aed", shape: hexagon },
  prison: { label: "Prison / releases", color: "#6d28d9", shape: shield },
  protest: { label: "Protest", color: "#db2777", shape: pentagon },
  "maritime-seizure": { label: "Maritime seizure", color: "#0e7490", shape: diamond },
  "naval-deployment": { label: "Naval deployment", color: "#1d4ed8", shape: triangleDown },
  airspace: { label: "Airspace / flights", color: "#0284c7", shape: hourglass },
  diplomacy: { label: "Diplomacy", color: "#15803d", shape: circle },
  statement: { label: "Statement", color: "#4b5563", shape: drop },
  sanctions: { label: "Sanctions / finance", color: "#a16207", shape: cross },
  policy: { label: "Policy / executive action", color: "#4338ca", shape: page },
  "military-preparation": { label: "Military preparations", color: "#4d7c0f", shape: chevron },
};

export const STATUS_LABEL = {
  reported: "Reported",
  corroborated: "Corroborated",
  disputed: "Disputed",
} as const;
