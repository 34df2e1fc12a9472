/**
 * The validator's one read of a roster: every field checked as `rosterSchema` would and
 * read exactly once, small parts copied, and the two big ones — boardings and tests, millions
 * of them — laid out as columns of typed arrays with person ids turned into indexes. Like
 * `fastParseRoster` it says "yes, here it is" or "not sure": anything unusual goes to zod.
 */

import {
  array,
  assignment,
  each,
  horizon,
  id,
  instantMs,
  integer,
  loop,
  NOT_SURE,
  object,
  rosterRoot,
  stats,
  text,
  tripFields,
  unservedEntry,
  vehicleEntry,
} from "../roster/read-fields.js";
import type { Roster, TripDirection } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import { integerColumn, numberColumn } from "./columns.js";
import { IdTable, runLookup } from "./id-table.js";
import { RiderMemory, type Riders } from "./rider-memory.js";

/** A trip without its manifest and with its times as numbers (in `IndexedRoster`). */
export interface TripRecord {
  id: string;
  loopId: string;
  vehicleId: string;
  driverId: string;
  direction: TripDirection;
  from: string;
  to: string;
  path: string[];
}

/** Test appointments as columns: test t is `(person[t], site[t], kind[t], at[t])`. */
export interface TestColumns {
  length: number;
  /** Index in `people`. */
  person: number[];
  /** Index in `sites`: the scenario's sites first, at their scenario index. */
  site: number[];
  sites: IdTable;
  /** Index in `kinds`: the policy's testing regimes first, in policy order. */
  kind: number[];
  kinds: IdTable;
  /** Epoch ms. */
  at: number[];
}

export interface IndexedRoster
  extends Pick<
    Roster,
    "timeZone" | "horizon" | "loops" | "vehicles" | "assignments" | "unserved" | "stats"
  > {
  trips: TripRecord[];
  /** Departure and arrival of trip i, epoch ms. */
  departs: Float64Array;
  arrives: Float64Array;
  /** Trip i's driver, as an index in `people`. */
  tripDriver: Int32Array;
  /** The manifests end to end: trip i's boardings are `boardingStart[i] .. boardingStart[i + 1]`. */
  boardingStart: Int32Array;
  /** Who sits in boarding b (an index in `people`) and in which seat. */
  boardingPerson: number[];
  boardingSeat: number[];
  tests: TestColumns;
  /** Every person id the roster names: the scenario's staff first, at their scenario index. */
  people: IdTable;
}

/** The tests as columns, ids as indexes. */
function readTests(model: ScenarioModel, items: unknown[], people: IdTable): TestColumns {
  const regimes = model.scenario.policy.testing;
  const tests: TestColumns = {
    length: items.length,
    person: integerColumn(items.length),
    site: integerColumn(items.length),
    sites: new IdTable(model.siteIndex, model.siteIds),
    kind: integerColumn(items.length),
    kinds: new IdTable(
      new Map(regimes.map((regime, index) => [regime.kind, index])),
      regimes.map((regime) => regime.kind),
    ),
    at: numberColumn(items.length),
  };
  const policyKinds = regimes.map((regime) => regime.kind);
  // A person's tests come one after another, at one site: runs of one id, one lookup.
  const personOf = runLookup(people);
  const siteOf = runLookup(tests.sites);
  for (let t = 0; t < items.length; t++) {
    const test = object(items[t], 4);
    tests.person[t] = personOf(id(test.personId));
    tests.site[t] = siteOf(id(test.siteId));
    // A policy has two or three kinds: a scan of them beats hashing the name.
    const kindName = id(test.kind);
    const kind = policyKinds.indexOf(kindName);
    tests.kind[t] = kind >= 0 ? kind : tests.kinds.indexOf(kindName);
    tests.at[t] = instantMs(test.at);
  }
  return tests;
}

/** Throws `NOT_SURE` if any id repeats (zod's path then reports it, with where). */
function requireUnique(items: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw NOT_SURE;
    seen.add(item.id);
  }
}

/** Options of {@link readRoster}. */
export interface ReadRosterOptions {
  /**
   * Read a roster whose loop or trip ids repeat, leaving the repeats to the caller to report
   * (a shape error: no rule may run on it). Default false: a repeat means "not sure".
   */
  keepDuplicateIds?: boolean | undefined;
}

/**
 * The indexed roster, or `undefined` when zod must decide. Never throws. Its arrays are
 * read to their length: the caller checks lengths first (`checkRosterLimits`).
 *
 * @example
 * const indexed = readRoster(scenarioModel(scenario), roster);
 * indexed?.boardingStart.length //=> roster.trips.length + 1
 */
export function readRoster(
  model: ScenarioModel,
  input: unknown,
  options?: ReadRosterOptions | undefined,
): IndexedRoster | undefined {
  try {
    return readOrThrow(model, input, options?.keepDuplicateIds === true);
  } catch {
    // NOT_SURE, or a getter that threw: either way, zod decides.
    return undefined;
  }
}

function readOrThrow(model: ScenarioModel, input: unknown, keepDuplicates: boolean): IndexedRoster {
  const o = rosterRoot(input);
  const people = new IdTable(model.staffIndex, model.staffIds);
  const timeZone = text(o.timeZone);
  const window = horizon(o.horizon);
  const loops = each(o.loops, loop);
  if (!keepDuplicates) requireUnique(loops);
  const vehicles = each(o.vehicles, vehicleEntry);
  const assignments = each(o.assignments, assignment);

  const riderMemory = new RiderMemory(people);

  // Trips first, keeping each manifest's array to read once its total size is known.
  const tripItems = array(o.trips);
  const tripCount = tripItems.length;
  // Stryker disable ArrayDeclaration: presized for speed alone; every slot is written below
  const trips = new Array<TripRecord>(tripCount);
  const manifests = new Array<unknown[]>(tripCount);
  const ridersOfTrip = new Array<Riders>(tripCount);
  // Stryker restore ArrayDeclaration
  const departs = new Float64Array(tripCount);
  const arrives = new Float64Array(tripCount);
  const tripDriver = new Int32Array(tripCount);
  const boardingStart = new Int32Array(tripCount + 1);
  for (let i = 0; i < tripCount; i++) {
    const item = tripItems[i];
    if (i > 0 && item === tripItems[i - 1]) {
      // The same object listed again: the same trip under the same id, so a repeated id and
      // never a roster the rules judge. Its record is shared rather than read again (a
      // roster of one trip listed millions of times reads as fast as it reports).
      if (!keepDuplicates) throw NOT_SURE;
      trips[i] = trips[i - 1] as TripRecord;
      departs[i] = departs[i - 1] as number;
      arrives[i] = arrives[i - 1] as number;
      ridersOfTrip[i] = ridersOfTrip[i - 1] as Riders;
      tripDriver[i] = tripDriver[i - 1] as number;
      const manifest = manifests[i - 1] as unknown[];
      manifests[i] = manifest;
      boardingStart[i + 1] = (boardingStart[i] as number) + manifest.length;
      continue;
    }
    const t = object(item, 11);
    const record: TripRecord = tripFields(t);
    trips[i] = record;
    departs[i] = instantMs(t.depart);
    arrives[i] = instantMs(t.arrive);
    const riders = riderMemory.ridersOf(record.vehicleId);
    ridersOfTrip[i] = riders;
    tripDriver[i] = riderMemory.personIndex(riders, record.driverId);
    const manifest = array(t.passengers);
    manifests[i] = manifest;
    boardingStart[i + 1] = (boardingStart[i] as number) + manifest.length;
  }
  if (!keepDuplicates) requireUnique(trips);

  const boardings = boardingStart[tripCount] as number;
  const boardingPerson = integerColumn(boardings);
  const boardingSeat = integerColumn(boardings);
  let b = 0;
  for (let i = 0; i < tripCount; i++) {
    const manifest = manifests[i] as unknown[];
    const riders = ridersOfTrip[i] as Riders;
    const count = (boardingStart[i + 1] as number) - (boardingStart[i] as number); // length read once
    for (let k = 0; k < count; k++, b++) {
      const p = object(manifest[k], 2);
      boardingPerson[b] = riderMemory.personIndex(riders, id(p.personId));
      boardingSeat[b] = integer(p.seat);
    }
  }

  const tests = readTests(model, array(o.tests), people);

  return {
    timeZone,
    horizon: window,
    loops,
    vehicles,
    assignments,
    trips,
    departs,
    arrives,
    tripDriver,
    boardingStart,
    boardingPerson,
    boardingSeat,
    tests,
    unserved: each(o.unserved, unservedEntry),
    stats: stats(o.stats),
    people,
  };
}
