/**
 * Positions on the ground for generated road nodes: a flat km plane around a district
 * centre, turned into WGS84 latitude and longitude, and the great-circle distance that a
 * road's km must never undercut.
 * [Reference]: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68 (2), 1984.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** A WGS84 position in degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A point of the district's plane: km east (`x`) and north (`y`) of its centre. */
export interface PlanePoint {
  x: number;
  y: number;
}

const RADIANS = Math.PI / 180;
/** Km per degree of latitude on the sphere of {@link EARTH_RADIUS_KM}. */
const KM_PER_DEGREE = EARTH_RADIUS_KM * RADIANS;

/**
 * The great-circle distance between two positions, in km.
 *
 * @example
 * haversineKm({ lat: 30.74, lon: 121.34 }, { lat: 30.74, lon: 121.34 }) //=> 0
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rounds degrees to 6 decimals (about 0.1 m): plenty for a map, short in JSON. */
function roundDegrees(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A plane point as latitude and longitude (equirectangular around `centre`, exact enough
 * across a district), rounded to 6 decimals.
 *
 * @example
 * toLatLon({ lat: 30.74, lon: 121.34 }, { x: 0, y: 0 }) //=> { lat: 30.74, lon: 121.34 }
 */
export function toLatLon(centre: LatLon, point: PlanePoint): LatLon {
  return {
    lat: roundDegrees(centre.lat + point.y / KM_PER_DEGREE),
    lon: roundDegrees(centre.lon + point.x / (KM_PER_DEGREE * Math.cos(centre.lat * RADIANS))),
  };
}
