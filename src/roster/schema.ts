/**
 * The shape of a roster (SPEC §5) in zod 4, so that an imported or hand-edited roster gets
 * the same clear, path-carrying errors as a scenario. Instants must carry their offset.
 */
import { z } from "zod";
import { parseCivilDate } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";

const id = z.string().min(1, "an id must not be empty");

const civilDate = z.string().refine((text) => parseCivilDate(text) !== undefined, {
  error: (issue) => `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
});

const instant = z.string().refine((text) => parseInstant(text) !== undefined, {
  error: (issue) =>
    `expected an ISO 8601 instant with offset (2022-05-16T07:30:00+08:00), got ${JSON.stringify(issue.input)}`,
});

const count = z.number().int().nonnegative();

export const routeSchema = z.strictObject({
  path: z.array(id).min(1, "a path has at least one node"),
  minutes: z.number().nonnegative(),
  km: z.number().nonnegative(),
});

export const rosterLoopSchema = z.strictObject({
  id,
  enterpriseId: id,
  dormitoryId: id,
  plantId: id,
  toPlant: routeSchema,
  toDormitory: routeSchema,
});

// from/to: inclusive local dates of departure an entry covers; absent = open on that side.
export const rosterVehicleSchema = z.strictObject({
  vehicleId: id,
  loopId: id,
  driverId: id,
  from: civilDate.optional(),
  to: civilDate.optional(),
});

export const assignmentSchema = z.strictObject({
  personId: id,
  loopId: id,
  vehicleId: id,
  seat: z.number().int(),
  from: civilDate.optional(),
  to: civilDate.optional(),
});

export const passengerSchema = z.strictObject({ personId: id, seat: z.number().int() });

export const tripSchema = z.strictObject({
  id,
  loopId: id,
  vehicleId: id,
  driverId: id,
  direction: z.enum(["to-plant", "to-dormitory"]),
  from: id,
  to: id,
  path: z.array(id).min(1, "a path has at least one node"),
  depart: instant,
  arrive: instant,
  passengers: z.array(passengerSchema),
});

export const testAppointmentSchema = z.strictObject({
  personId: id,
  siteId: id,
  kind: id,
  at: instant,
});

export const unservedSchema = z.strictObject({
  personId: id,
  date: civilDate,
  reason: z.string().min(1),
});

export const rosterStatsSchema = z.strictObject({
  vehiclesUsed: count,
  fleetLowerBound: count,
  trips: count,
  emptyTrips: count,
  boardings: count,
  unservedShifts: count,
});

export const rosterSchema = z.strictObject({
  version: z.literal(1),
  timeZone: z.string(),
  horizon: z.strictObject({ start: civilDate, days: z.number().int().min(1).max(366) }),
  loops: z.array(rosterLoopSchema),
  vehicles: z.array(rosterVehicleSchema),
  assignments: z.array(assignmentSchema),
  trips: z.array(tripSchema),
  tests: z.array(testAppointmentSchema),
  unserved: z.array(unservedSchema),
  stats: rosterStatsSchema,
});

export type Roster = z.output<typeof rosterSchema>;
export type RosterLoop = Roster["loops"][number];
export type RosterVehicle = Roster["vehicles"][number];
export type Assignment = Roster["assignments"][number];
export type Trip = Roster["trips"][number];
export type Passenger = Trip["passengers"][number];
export type TestAppointment = Roster["tests"][number];
export type UnservedEntry = Roster["unserved"][number];
export type RosterStats = Roster["stats"];
export type TripDirection = Trip["direction"];
