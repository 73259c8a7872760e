/**
 * Curated inputs for the basemap build: which GeoNames places get labels at which zoom (the rest
 * are ranked by geonames.ts), English country names for the OSM country codes, today's names of
 * renamed states, and hand-placed sea labels. Cartographic choices only — nothing here is an
 * event claim.
 */
/** West, south, east, north: the region the app covers (about 86°W–56°W, 2°S–24°N), padded. */
export const BASEMAP_BOUNDS = [-90, -5, -52, 26] as const;
export const BASEMAP_MAXZOOM = 8;

/** rank → the zoom from which a label shows (see src/map/basemap-style.ts). */
export interface MajorPlace {
  name: string;
  country: string;
  rank: number;
  capital?: boolean;
  label?: string;
}

const ve = (name: string, rank: number, label?: string): MajorPlace => ({
  name,
  country: "VE",
  rank,
  label,
});
const cap = (name: string, country: string, label?: string): MajorPlace => ({
  name,
  country,
  rank: 2,
  capital: true,
  label,
});

export const MAJOR_PLACES: MajorPlace[] = [
  { name: "Caracas", country: "VE", rank: 1, capital: true },
  ve("Maracaibo", 3),
  ve("Valencia", 3),
  ve("Barquisimeto", 3),
  ve("Maracay", 3),
  ve("Ciudad Guayana", 3),
  ve("Barcelona", 4),
  ve("Maturín", 3),
  ve("Puerto La Cruz", 4),
  ve("Cumaná", 4),
  ve("Mérida", 4),
  ve("San Cristóbal", 3),
  ve("Barinas", 4),
  ve("Ciudad Bolívar", 4),
  ve("Coro", 4),
  ve("Punto Fijo", 4),
  ve("Puerto Ayacucho", 4),
  ve("San Fernando de Apure", 4),
  ve("Guanare", 5),
  ve("Acarigua", 5),
  ve("Tucupita", 5),
  ve("Porlamar", 4),
  ve("Guatire", 5),
  ve("La Guaira", 5),
  ve("Los Teques", 5),
  ve("San Antonio del Táchira", 5),
  ve("Maiquetía", 5),
  ve("Petare", 5),
  ve("Las Tejerías", 5),
  cap("Bogotá", "CO"),
  { name: "Medellín", country: "CO", rank: 3 },
  { name: "Cali", country: "CO", rank: 4 },
  { name: "Barranquilla", country: "CO", rank: 3 },
  { name: "Cartagena", country: "CO", rank: 4 },
  { name: "Cúcuta", country: "CO", rank: 3 },
  { name: "Bucaramanga", country: "CO", rank: 4 },
  { name: "Santa Marta", country: "CO", rank: 4 },
  { name: "Riohacha", country: "CO", rank: 5 },
  { name: "Valledupar", country: "CO", rank: 5 },
  { name: "Arauca", country: "CO", rank: 5 },
  cap("Port of Spain", "TT"),
  cap("Kingston", "JM"),
  cap("Santo Domingo", "DO"),
  cap("Port-au-Prince", "HT"),
  cap("Havana", "CU"),
  cap("San Juan", "PR"),
  cap("Panama City", "PA"),
  cap("Georgetown", "GY"),
  cap("Paramaribo", "SR"),
  cap("Willemstad", "CW"),
  cap("Oranjestad", "AW"),
  cap("Kralendijk", "BQ"),
  cap("Quito", "EC"),
  cap("Managua", "NI"),
  cap("San José", "CR"),
  cap("Tegucigalpa", "HN"),
  cap("Bridgetown", "BB"),
  cap("Castries", "LC"),
  cap("Kingstown", "VC"),
  cap("Roseau", "DM"),
  cap("Basseterre", "KN"),
  cap("Fort-de-France", "MQ"),
  cap("Cayenne", "GF"),
  { name: "Boa Vista", country: "BR", rank: 4 },
];

export const COUNTRY_NAMES: Record<string, string> = {
  VEN: "Venezuela",
  COL: "Colombia",
  BRA: "Brazil",
  GUY: "Guyana",
  SUR: "Suriname",
  GUF: "French Guiana",
  ECU: "Ecuador",
  PER: "Peru",
  PAN: "Panama",
  CRI: "Costa Rica",
  NIC: "Nicaragua",
  HND: "Honduras",
  SLV: "El Salvador",
  GTM: "Guatemala",
  BLZ: "Belize",
  MEX: "Mexico",
  CUB: "Cuba",
  JAM: "Jamaica",
  HTI: "Haiti",
  DOM: "Dominican Rep.",
  PRI: "Puerto Rico",
  TTO: "Trinidad and Tobago",
  ABW: "Aruba",
  CUW: "Curaçao",
  BES: "Bonaire",
  GRD: "Grenada",
  VCT: "St Vincent",
  LCA: "St Lucia",
  BRB: "Barbados",
  MTQ: "Martinique",
  DMA: "Dominica",
  GLP: "Guadeloupe",
  ATG: "Antigua",
  KNA: "St Kitts",
  BHS: "Bahamas",
  TCA: "Turks and Caicos",
  CYM: "Cayman Is.",
  VGB: "BVI",
  VIR: "USVI",
  AIA: "Anguilla",
  MSR: "Montserrat",
};

/** Natural Earth's state names that are no longer the state's name. */
export const STATE_NAMES: Record<string, string> = {
  // Renamed in 2019.
  Vargas: "La Guaira",
};

export const WATER_LABELS = [
  { name: "Caribbean Sea", lng: -75.5, lat: 14.8, rank: 1 },
  { name: "Pacific Ocean", lng: -84.5, lat: 3.5, rank: 1 },
  { name: "Atlantic Ocean", lng: -55.5, lat: 15.5, rank: 1 },
  { name: "Gulf of Venezuela", lng: -71.2, lat: 11.65, rank: 4 },
  { name: "Lake Maracaibo", lng: -71.6, lat: 9.8, rank: 4 },
  { name: "Gulf of Paria", lng: -62.15, lat: 10.35, rank: 5 },
];
