/**
 * Free trip times for the exact comparator. The planner's demand fixes each trip at the edge
 * of its window (a trip key); the rules (SPEC shift-coverage) let it run anywhere inside:
 * a ride in arriving in [start − maxWait, start − arriveBefore], a ride home leaving in
 * [end + departAfter, end + maxWait]. Each distinct edge key is a *service* with a window of
 * departure minutes; a trip at minute t may carry riders of every service of its direction
 * whose window holds t.
 *
 * Chaining. Two trips of one vehicle, a before b, need b − a ≥ gap(a, b) minutes:
 * in→home to-plant + disinfection, home→in to-dormitory + disinfection, and a whole cycle
 * g = to-plant + to-dormitory + 2 × disinfection between two trips of one direction (an empty
 * run back between them) — exactly what `chainRuns` asks of consecutive trips. The gaps are
 * superadditive (gap(a, b) + gap(b, c) ≥ gap(a, c)), so a set of trips chains iff every pair
 * does, not just consecutive ones: the model needs only pairwise conflicts.
 *
 * Candidate minutes. Fix everything else (which vehicle runs which trips, in which order,
 * carrying whom): the times are then bounded by window edges and by difference constraints
 * between consecutive trips, all in whole minutes, so a feasible schedule has a vertex
 * where every time is a window edge plus a sum of gaps along consecutive, just-chaining
 * trips, each of them inside a window. `candidateMinutes` is the closure of the window edges
 * under ± gap moves that stay inside some window of the right direction: a superset of those
 * vertex times, so restricting the trips to it loses no optimum. Windows are under an hour
 * and clusters of them hours apart, so the closure stays small.
 */
import type { TripKey } from "../../src/plan/trip-key.js";
import { keyDepart, keyToPlant } from "../../src/plan/trip-key.js";
import type { Policy } from "../../src/scenario/schema.js";

const MS_PER_MINUTE = 60_000;

/** A route's minutes and the disinfection between trips: what chaining needs. */
export interface GapRules {
  toPlantMinutes: number;
  toDormitoryMinutes: number;
  disinfectionMinutes: number;
}

/** One trip the demand needs, by its edge key, with the window its departure may take. */
export interface Service {
  key: TripKey;
  toPlant: boolean;
  /** Earliest and latest departure minute (epoch minutes). */
  earliest: number;
  latest: number;
}

/** A candidate trip: a departure minute and a direction. */
export interface CandidateTrip {
  minute: number;
  toPlant: boolean;
}

/** Least minutes from a trip's departure to the next trip's departure on one vehicle. */
export function gapMinutes(firstToPlant: boolean, nextToPlant: boolean, rules: GapRules): number {
  const { toPlantMinutes: tp, toDormitoryMinutes: td, disinfectionMinutes: d } = rules;
  if (firstToPlant !== nextToPlant) return (firstToPlant ? tp : td) + d;
  return tp + td + 2 * d;
}

/** Whether two trips cannot both be run by one vehicle. */
export function tripsConflict(a: CandidateTrip, b: CandidateTrip, rules: GapRules): boolean {
  const [first, next] = a.minute <= b.minute ? [a, b] : [b, a];
  return next.minute - first.minute < gapMinutes(first.toPlant, next.toPlant, rules);
}

/** The window of an edge key under the policy (rides in earlier, rides home later). */
export function serviceOf(key: TripKey, policy: Policy): Service {
  const toPlant = keyToPlant(key);
  const edge = keyDepart(key) / MS_PER_MINUTE;
  if (toPlant) {
    const slack = policy.maxWaitMinutes - policy.arriveBeforeShiftMinutes;
    return { key, toPlant, earliest: edge - slack, latest: edge };
  }
  const slack = policy.maxWaitMinutes - policy.departAfterShiftMinutes;
  return { key, toPlant, earliest: edge, latest: edge + slack };
}

/**
 * Refuses what the model does not represent, so it never reports a false optimum: a rider
 * whose rides could overlap or come out of turn at some times inside their windows (then
 * the rides of one rider would constrain each other), and a ride in whose window reaches
 * back into a local day on which the rider's enterprise is not eligible.
 */
export function checkWindowsIndependent(
  riders: readonly { personId: string; keys: readonly TripKey[] }[],
  policy: Policy,
  rules: GapRules,
  eligibleOnDepartureDay: (personId: string, minute: number) => boolean,
): void {
  for (const rider of riders) {
    const windows = rider.keys.map((key) => serviceOf(key, policy));
    windows.forEach((window, i) => {
      if (window.toPlant !== (i % 2 === 0))
        throw new Error(`MILP: ${rider.personId}'s rides do not alternate`);
      const next = windows[i + 1];
      const duration = window.toPlant ? rules.toPlantMinutes : rules.toDormitoryMinutes;
      if (next !== undefined && window.latest + duration > next.earliest)
        throw new Error(`MILP: ${rider.personId}'s ride windows overlap; not modelled`);
      if (window.toPlant && !eligibleOnDepartureDay(rider.personId, window.earliest))
        throw new Error(`MILP: ${rider.personId}'s ride in may leave on an ineligible day`);
    });
  }
}

export type CandidateMode = "breakpoints" | "every-minute";

/** Candidate trips in the shape `candidateMinutes` returns, from per-direction minute sets. */
function tripsOf(
  services: readonly Service[],
  found: readonly CandidateTrip[],
): { trips: CandidateTrip[]; perService: number[][] } {
  const trips = [...found].sort(
    (a, b) => a.minute - b.minute || Number(b.toPlant) - Number(a.toPlant),
  );
  const perService = services.map((service) =>
    trips.flatMap((trip, p) =>
      trip.toPlant === service.toPlant &&
      service.earliest <= trip.minute &&
      trip.minute <= service.latest
        ? [p]
        : [],
    ),
  );
  return { trips, perService };
}

/** Every minute of every window: the plain time-indexed model, to check the breakpoints. */
export function everyMinute(services: readonly Service[]): {
  trips: CandidateTrip[];
  perService: number[][];
} {
  const seen = new Set<string>();
  const found: CandidateTrip[] = [];
  for (const service of services)
    for (let minute = service.earliest; minute <= service.latest; minute++) {
      const id = `${minute}${service.toPlant ? "i" : "h"}`;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push({ minute, toPlant: service.toPlant });
    }
  return tripsOf(services, found);
}

/**
 * The minutes at which some optimal schedule runs its trips (see the module comment), per
 * service: window edges closed under ± gap moves inside windows of the right direction.
 */
export function candidateMinutes(
  services: readonly Service[],
  rules: GapRules,
): { trips: CandidateTrip[]; perService: number[][] } {
  const inWindow = (minute: number, toPlant: boolean) =>
    services.some(
      (service) =>
        service.toPlant === toPlant && service.earliest <= minute && minute <= service.latest,
    );
  const seen = new Set<string>();
  const found: CandidateTrip[] = [];
  const queue: CandidateTrip[] = [];
  const visit = (minute: number, toPlant: boolean) => {
    const id = `${minute}${toPlant ? "i" : "h"}`;
    if (seen.has(id) || !inWindow(minute, toPlant)) return;
    seen.add(id);
    found.push({ minute, toPlant });
    queue.push({ minute, toPlant });
  };
  for (const service of services) {
    visit(service.earliest, service.toPlant);
    visit(service.latest, service.toPlant);
  }
  while (queue.length > 0) {
    const trip = queue.pop() as CandidateTrip;
    for (const other of [true, false]) {
      visit(trip.minute + gapMinutes(trip.toPlant, other, rules), other);
      visit(trip.minute - gapMinutes(other, trip.toPlant, rules), other);
    }
  }
  return tripsOf(services, found);
}
