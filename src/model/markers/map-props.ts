/** Flat properties the map styles and filters on (MapLibre cannot reach into nested objects). */
export interface MapProps {
  /** Index of the event in the loaded dataset: the feature id, so feature-state works. Anything
   * else about the event (its title for a tooltip) is looked up by it: every property here is
   * encoded into each vector tile and decoded again on every feature-state change. */
  idx: number;
  category: string;
  status: string;
  precision: string;
  /** For a point known to within `radius_km`: that radius in pixels at zoom 0 (Web Mercator,
   * 512 px tiles, at the point's latitude). The map scales it by 2^zoom, so the circle is drawn
   * on the GPU instead of as a 48-vertex polygon per event. */
  rpx0?: number;
  rkm?: number;
  /** Only announced or expected, not reported as happened: drawn hollow. Absent otherwise, so
   * the big datasets' tiles carry nothing more. */
  expected?: true;
}
