/**
 * The validator's one read of a roster: every field checked as `rosterSchema` would and
 * read exactly once, small parts copied, and the two big ones — boardings and tests, millions
 * of them — laid out as columns of typed arrays with person ids turned into indexes. Like
 * `fastParseRoster` it says "yes, here it is" or "not sure": anything unusual goes to zod.
 */

import type { IdList } from "../roster/parse.js";
import {
  array,
  assignment,
  direction,
  each,
  horizon,
  id,
  instantMs,
  integer,
  loop,
  NOT_SURE,
  object,
  type Plain,
  rosterRoot,
  stats,
  text,
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

/**
 * Reads trip paths, sharing one array among the trips of a loop and direction whose paths
 * are equal (nearly all of them): a roster of millions of trips then holds a few paths, not
 * millions of copies for the garbage collector to walk. Each node is still read and checked.
 */
class PathReader {
  /** Per loop id, the last path read to the plant and to the dormitory. */
  private readonly last = new Map<string, [string[] | undefined, string[] | undefined]>();

  read(value: unknown, loopId: string, way: TripDirection): string[] {
    const nodes = array(value);
    const count = nodes.length;
    if (count === 0) throw NOT_SURE;
    let lasts = this.last.get(loopId);
    if (lasts === undefined) {
      lasts = [undefined, undefined];
      this.last.set(loopId, lasts);
    }
    const slot = way === "to-plant" ? 0 : 1;
    const known = lasts[slot];
    let path: string[];
    let k = 0;
    if (known !== undefined && known.length === count) {
      let node = "";
      for (; k < count; k++) {
        node = id(nodes[k]);
        if (node !== known[k]) break;
      }
      if (k === count) return known;
      // Another path: the nodes before k matched `known`; node k is read already.
      path = known.slice(0, k);
      path.push(node);
      k++;
    } else path = [];
    for (; k < count; k++) path.push(id(nodes[k]));
    lasts[slot] = path;
    return path;
  }
}

/** A trip's fields other than its times and manifest, from its (checked) object. */
function tripRecord(o: Plain, paths: PathReader): TripRecord {
  const tripId = id(o.id);
  const loopId = id(o.loopId);
  const vehicleId = id(o.vehicleId);
  const driverId = id(o.driverId);
  const way = direction(o.direction);
  const from = id(o.from);
  const to = id(o.to);
  const path = paths.read(o.path, loopId, way);
  return { id: tripId, loopId, vehicleId, driverId, direction: way, from, to, path };
}

/** Whole numbers appended one by one into typed memory (nothing for the collector to walk). */
class IntList {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(position: number): number {
    return this.data[position] as number;
  }
}

/** Loop and trip ids that repeat, as the read found them: the roster is then a shape error. */
export class RepeatedIds {
  /** Repeat r is item `index.at(r)` of its list (loops for r < `loops`, then trips). */
  readonly index = new IntList();
  /** ... whose id item `first.at(r)` of that list held first. */
  readonly first = new IntList();
  loops = 0;
  /** The id of each first holder that is repeated, per list. */
  private readonly ids: Record<IdList, Map<number, string>> = {
    loops: new Map(),
    trips: new Map(),
  };

  add(list: IdList, index: number, first: number, id: string): void {
    this.index.push(index);
    this.first.push(first);
    if (list === "loops") this.loops++;
    const ids = this.ids[list];
    if (!ids.has(first)) ids.set(first, id);
  }

  get count(): number {
    return this.index.length;
  }

  listOf(r: number): IdList {
    return r < this.loops ? "loops" : "trips";
  }

  idOf(r: number): string {
    return this.ids[this.listOf(r)].get(this.first.at(r)) as string;
  }
}

/** Finds repeated ids as they are read: one map per list. */
class RepeatFinder {
  private readonly firstOf = new Map<string, number>();

  /** Repeats go to `repeats`, or, with `refuse`, the read gives up at the first. */
  constructor(
    private readonly list: IdList,
    private readonly refuse: boolean,
    private readonly repeats: RepeatedIds,
  ) {}

  /** Notes item `index`'s id; true when it repeats an earlier one (or throws, refusing). */
  see(itemId: string, index: number): boolean {
    const first = this.firstOf.get(itemId);
    if (first === undefined) {
      this.firstOf.set(itemId, index);
      return false;
    }
    if (this.refuse) throw NOT_SURE;
    this.repeats.add(this.list, index, first, itemId);
    return true;
  }
}

/** A manifest checked as `rosterSchema` would, nothing kept. */
function checkManifest(items: unknown[], count = items.length): void {
  for (let k = 0; k < count; k++) {
    const p = object(items[k], 2);
    id(p.personId);
    integer(p.seat);
  }
}

/** A trip checked as `rosterSchema` would, nothing kept but its id (the same reads, in order). */
function checkTrip(value: unknown): string {
  const o = object(value, 11);
  const tripId = id(o.id);
  id(o.loopId);
  id(o.vehicleId);
  id(o.driverId);
  direction(o.direction);
  id(o.from);
  id(o.to);
  const path = array(o.path);
  if (path.length === 0) throw NOT_SURE;
  for (let k = 0; k < path.length; k++) id(path[k]);
  instantMs(o.depart);
  instantMs(o.arrive);
  checkManifest(array(o.passengers));
  return tripId;
}

/**
 * The indexed roster, or `undefined` when zod must decide (repeated loop or trip ids
 * included). Never throws. Its arrays are read to their length: the caller checks lengths
 * first (`checkRosterLimits`).
 *
 * @example
 * const indexed = readRoster(scenarioModel(scenario), roster);
 * indexed?.boardingStart.length //=> roster.trips.length + 1
 */
export function readRoster(model: ScenarioModel, input: unknown): IndexedRoster | undefined {
  const read = readOrRepeats(model, input, true);
  return read !== undefined && "roster" in read ? read.roster : undefined;
}

/**
 * The indexed roster; or, when it has the right shape but loop or trip ids repeat, the
 * repeats (found in the same read: once one is found, the rest of the roster is only checked,
 * nothing kept); or `undefined` when zod must decide. Never throws.
 *
 * @example
 * const read = readRosterOrRepeats(scenarioModel(scenario), roster);
 * if (read !== undefined && "repeats" in read) read.repeats.index.length; // how many repeats
 */
export function readRosterOrRepeats(
  model: ScenarioModel,
  input: unknown,
): { roster: IndexedRoster } | { repeats: RepeatedIds } | undefined {
  return readOrRepeats(model, input, false);
}

function readOrRepeats(
  model: ScenarioModel,
  input: unknown,
  refuseRepeats: boolean,
): { roster: IndexedRoster } | { repeats: RepeatedIds } | undefined {
  try {
    return readOrThrow(model, input, refuseRepeats);
  } catch {
    // NOT_SURE, or a getter that threw: either way, zod decides.
    return undefined;
  }
}

function readOrThrow(
  model: ScenarioModel,
  input: unknown,
  refuseRepeats: boolean,
): { roster: IndexedRoster } | { repeats: RepeatedIds } {
  const o = rosterRoot(input);
  const people = new IdTable(model.staffIndex, model.staffIds);
  const timeZone = text(o.timeZone);
  const window = horizon(o.horizon);
  const loops = each(o.loops, loop);
  const repeats = new RepeatedIds();
  const loopRepeats = new RepeatFinder("loops", refuseRepeats, repeats);
  // Once an id repeats, the roster is a shape error: the rest is only checked.
  let doomed = false;
  loops.forEach((item, index) => {
    if (loopRepeats.see(item.id, index)) doomed = true;
  });
  const vehicles = each(o.vehicles, vehicleEntry);
  const assignments = each(o.assignments, assignment);

  const riderMemory = new RiderMemory(people);
  const paths = new PathReader();
  const tripRepeats = new RepeatFinder("trips", refuseRepeats, repeats);

  // Trips first, keeping each manifest's array to read once its total size is known.
  const tripItems = array(o.trips);
  const tripCount = tripItems.length;
  // Stryker disable ArrayDeclaration: presized for speed alone; every slot is written below
  const trips = new Array<TripRecord>(tripCount);
  const manifests = new Array<unknown[]>(tripCount);
  const ridersOfTrip = new Array<Riders>(tripCount);
  // Stryker restore ArrayDeclaration
  // On the JS heap while reading (see columns.ts): typed arrays of millions of trips would
  // make V8 collect the caller's whole heap; they become typed only for a roster kept.
  const departs = numberColumn(tripCount);
  const arrives = numberColumn(tripCount);
  const tripDriver = integerColumn(tripCount);
  const boardingStart = integerColumn(tripCount + 1);
  /** Trips before this one were read in full; from it on (doomed), only checked. */
  let readUpTo = doomed ? 0 : tripCount;
  let lastId = "";
  for (let i = 0; i < tripCount; i++) {
    const item = tripItems[i];
    if (i > 0 && item === tripItems[i - 1]) {
      // The same object listed again: the same trip under the same id, a repeat. Checked once.
      tripRepeats.see(lastId, i);
      if (!doomed) readUpTo = i;
      doomed = true;
      continue;
    }
    if (doomed) {
      lastId = checkTrip(item);
      tripRepeats.see(lastId, i);
      continue;
    }
    const t = object(item, 11);
    const record = tripRecord(t, paths);
    lastId = record.id;
    trips[i] = record;
    departs[i] = instantMs(t.depart);
    arrives[i] = instantMs(t.arrive);
    const riders = riderMemory.ridersOf(record.vehicleId);
    ridersOfTrip[i] = riders;
    tripDriver[i] = riderMemory.personIndex(riders, record.driverId);
    const manifest = array(t.passengers);
    manifests[i] = manifest;
    boardingStart[i + 1] = (boardingStart[i] as number) + manifest.length;
    if (tripRepeats.see(record.id, i)) {
      doomed = true;
      readUpTo = i + 1;
    }
  }

  if (doomed) {
    // Check what is left to check, keep nothing, and hand back the repeats.
    for (let i = 0; i < readUpTo; i++) {
      const count = (boardingStart[i + 1] as number) - (boardingStart[i] as number);
      checkManifest(manifests[i] as unknown[], count);
    }
    readTests(model, array(o.tests), people);
    each(o.unserved, unservedEntry);
    stats(o.stats);
    return { repeats };
  }

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

  const roster: IndexedRoster = {
    timeZone,
    horizon: window,
    loops,
    vehicles,
    assignments,
    trips,
    departs: new Float64Array(departs),
    arrives: new Float64Array(arrives),
    tripDriver: new Int32Array(tripDriver),
    boardingStart: new Int32Array(boardingStart),
    boardingPerson,
    boardingSeat,
    tests,
    unserved: each(o.unserved, unservedEntry),
    stats: stats(o.stats),
    people,
  };
  return { roster };
}
