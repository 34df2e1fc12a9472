/**
 * Field readers for the hand-written fast paths over a roster (`fastParseRoster`, and the
 * validator's `readRoster`). Each checks one value exactly as `rosterSchema` would and
 * returns it, or throws `NOT_SURE` to hand the whole roster to zod, which stays the
 * reference and gives the issues with their paths.
 */
import { parseCivilDate } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import type { Roster } from "./schema.js";

export type Plain = Record<string, unknown>;

/** Thrown to give up on a fast path; the fast paths catch it and never let it escape. */
export const NOT_SURE = Symbol("not sure");

/** A plain object with exactly `keyCount` enumerable keys (a strict object's shape). */
export function object(value: unknown, keyCount: number): Plain {
  if (
    typeof value !== "object" ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    throw NOT_SURE;
  let count = 0;
  for (const _ in value) count++;
  if (count !== keyCount) throw NOT_SURE;
  return value as Plain;
}

export function array(value: unknown): unknown[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) throw NOT_SURE;
  return value;
}

/** Like `Array#map`, but visits holes too (zod sees a hole as `undefined`, and so must we). */
export function each<T>(value: unknown, read: (item: unknown) => T): T[] {
  const list = array(value);
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = read(list[i]);
  return out;
}

export function id(value: unknown): string {
  if (typeof value !== "string" || value.length === 0) throw NOT_SURE;
  return value;
}

export function text(value: unknown): string {
  if (typeof value !== "string") throw NOT_SURE;
  return value;
}

export function integer(
  value: unknown,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
    throw NOT_SURE;
  return value as number;
}

export function nonNegative(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw NOT_SURE;
  return value;
}

export function date(value: unknown): string {
  if (typeof value !== "string" || parseCivilDate(value) === undefined) throw NOT_SURE;
  return value;
}

/** An ISO 8601 instant with offset, as epoch milliseconds. */
export function instantMs(value: unknown): number {
  const ms = typeof value === "string" ? parseInstant(value) : undefined;
  if (ms === undefined) throw NOT_SURE;
  return ms;
}

/** An ISO 8601 instant with offset, kept as the text. */
export function instantText(value: unknown): string {
  instantMs(value);
  return value as string;
}

export function ids(value: unknown): string[] {
  if (array(value).length === 0) throw NOT_SURE;
  return each(value, id);
}

export function direction(value: unknown): "to-plant" | "to-dormitory" {
  if (value !== "to-plant" && value !== "to-dormitory") throw NOT_SURE;
  return value;
}

function route(value: unknown): Roster["loops"][number]["toPlant"] {
  const o = object(value, 3);
  return { path: ids(o.path), minutes: nonNegative(o.minutes), km: nonNegative(o.km) };
}

/** A trip's fields other than its times and manifest, from its (checked) object. */
export function tripFields(
  o: Plain,
): Omit<Roster["trips"][number], "depart" | "arrive" | "passengers"> {
  return {
    id: id(o.id),
    loopId: id(o.loopId),
    vehicleId: id(o.vehicleId),
    driverId: id(o.driverId),
    direction: direction(o.direction),
    from: id(o.from),
    to: id(o.to),
    path: ids(o.path),
  };
}

export function loop(value: unknown): Roster["loops"][number] {
  const o = object(value, 6);
  return {
    id: id(o.id),
    enterpriseId: id(o.enterpriseId),
    dormitoryId: id(o.dormitoryId),
    plantId: id(o.plantId),
    toPlant: route(o.toPlant),
    toDormitory: route(o.toDormitory),
  };
}

/**
 * An entry's period (SPEC §5): each of `from` / `to` a date when present, absent when open.
 * A key present with the value `undefined` is left to zod.
 */
function period(o: Plain): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (Object.hasOwn(o, "from")) out.from = date(o.from);
  if (Object.hasOwn(o, "to")) out.to = date(o.to);
  return out;
}

/** How many of the period's keys an object has (0 to 2). */
function periodKeys(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return (Object.hasOwn(value, "from") ? 1 : 0) + (Object.hasOwn(value, "to") ? 1 : 0);
}

export function vehicleEntry(value: unknown): Roster["vehicles"][number] {
  const o = object(value, 3 + periodKeys(value));
  return {
    vehicleId: id(o.vehicleId),
    loopId: id(o.loopId),
    driverId: id(o.driverId),
    ...period(o),
  };
}

export function assignment(value: unknown): Roster["assignments"][number] {
  const o = object(value, 4 + periodKeys(value));
  return {
    personId: id(o.personId),
    loopId: id(o.loopId),
    vehicleId: id(o.vehicleId),
    seat: integer(o.seat),
    ...period(o),
  };
}

export function unservedEntry(value: unknown): Roster["unserved"][number] {
  const o = object(value, 3);
  return { personId: id(o.personId), date: date(o.date), reason: id(o.reason) };
}

export function stats(value: unknown): Roster["stats"] {
  const o = object(value, 6);
  const count = (field: unknown) => integer(field, 0);
  return {
    vehiclesUsed: count(o.vehiclesUsed),
    fleetLowerBound: count(o.fleetLowerBound),
    trips: count(o.trips),
    emptyTrips: count(o.emptyTrips),
    boardings: count(o.boardings),
    unservedShifts: count(o.unservedShifts),
  };
}

export function horizon(value: unknown): Roster["horizon"] {
  const o = object(value, 2);
  return { start: date(o.start), days: integer(o.days, 1, 366) };
}

/** The roster's own object, after its version is checked. */
export function rosterRoot(value: unknown): Plain {
  const o = object(value, 10);
  if (o.version !== 1) throw NOT_SURE;
  return o;
}
