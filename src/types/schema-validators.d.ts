/** The build's compiled schema validators (src/build/schema-validators.ts). */
declare module "virtual:schema-validators" {
  export const events: unknown;
  export const sources: unknown;
  export const story: unknown;
}
