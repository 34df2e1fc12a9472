/**
 * `scenarioArbitrary`: small, valid scenario inputs (they pass `parseScenario`) for the
 * planner's properties. Each scenario is built from a "shape" of plain numbers, so that
 * fast-check shrinks counts, minutes and choices independently; ids are derived (`e1`,
 * `d1`, `p1`, `n0`, `w001`, `k-d1-1`, `v1`), and every reference is taken modulo the number
 * of things it can name, so any shape gives a well-formed scenario.
 *
 * What it covers:
 * - 1–4 enterprises, sometimes without closed housing, sometimes with positive cases a few
 *   days before or inside the horizon (with quietDays 2–5 an enterprise turns eligible
 *   mid-horizon);
 * - 1–3 dormitories and 1–4 plants on a road graph of 2–6 nodes, integer minutes 1–30,
 *   decimal km; a node sometimes hangs off a detached stub (another component) and edges
 *   are sometimes one-way, so some loops are unroutable in one or both directions; sites
 *   may share a node (a zero-minute route);
 * - shifts: day 08:00–17:00, night 20:00–05:00 or 22:00–06:00 (overnight) and up to two
 *   random HH:mm shifts (which may fall into a DST gap or overlap);
 * - 1–200 workers in crews sharing a schedule: day only, night only, four-on/four-off with
 *   shifted anchors (off-days interleave), random cycles with "off", explicit dates;
 * - drivers per dormitory (sometimes 0–1), vehicles with 7/19/33/45/53 seats, some
 *   restricted to an enterprise and/or a dormitory, sometimes only 1–2 of them;
 * - testing points absent, ordinary, or tight (perSlot 1–3, open 1–3 hours); one testing
 *   regime (pcr 48 h) or two (antigen 24 h/30 min + pcr 48 h/360 min);
 * - Asia/Shanghai, Europe/Berlin, America/New_York, with horizons of 1–10 days that
 *   sometimes span a DST change; sometimes `mixEnterprises`, sometimes other policy values;
 * - about one scenario in ten (see {@link ScenarioArbitraryOptions.prototypeIds}) names some
 *   of its enterprises, sites, road nodes, shifts, staff, vehicles and testing kinds after
 *   `Object.prototype` members (`constructor`, `__proto__`, `toString`, …), so that code keying
 *   a plain object by an id is caught.
 */
import { fc } from "@fast-check/vitest";
import type { ScenarioInput } from "../../src/index.js";

/** Options of {@link scenarioArbitrary}. */
export interface ScenarioArbitraryOptions {
  /** Most workers in one scenario (default 200). */
  maxWorkers?: number;
  /** Longest horizon in days (default 10). */
  maxDays?: number;
  /**
   * Whether some ids are `Object.prototype` member names ({@link PROTOTYPE_NAMES}):
   * `"sometimes"` (the default, about one scenario in ten), `"always"` or `"never"`.
   */
  prototypeIds?: "sometimes" | "always" | "never";
}

/**
 * Names a plain object inherits (`Object.prototype`'s members): as ids they catch
 * `obj[id]`, `id in obj` and libraries that keep ids as object keys. Twelve, so that
 * every id space below can take distinct ones.
 */
export const PROTOTYPE_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
] as const;

/** Zones and horizon starts; the Berlin and New York starts in March/October span a DST change. */
export const ZONE_STARTS = [
  { timeZone: "Asia/Shanghai", start: "2022-05-16" },
  { timeZone: "Asia/Shanghai", start: "2022-05-28" },
  { timeZone: "Europe/Berlin", start: "2025-03-27" },
  { timeZone: "Europe/Berlin", start: "2025-10-23" },
  { timeZone: "Europe/Berlin", start: "2025-06-10" },
  { timeZone: "America/New_York", start: "2025-03-06" },
  { timeZone: "America/New_York", start: "2025-10-30" },
  { timeZone: "America/New_York", start: "2025-07-14" },
] as const;

export const SEAT_CHOICES = [7, 19, 33, 45, 53] as const;

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Minutes of day as `HH:mm`. */
export function clock(minuteOfDay: number): string {
  const minute = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------
// The shape: plain numbers and choices.

const enterpriseShape = fc.record({
  closedHousing: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constant(false)),
  /** Positive cases, as day offsets from the horizon start (negative: before it). */
  cases: fc.oneof(
    { weight: 3, arbitrary: fc.constant<number[]>([]) },
    { weight: 2, arbitrary: fc.array(fc.integer({ min: -7, max: -1 }), { maxLength: 2 }) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: -20, max: 10 }), { maxLength: 2 }) },
  ),
});

/** A node's link into the graph: to an earlier node, or to a stub of its own. */
const nodeLinkShape = fc.record({
  parent: fc.nat(),
  detached: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
  minutes: fc.integer({ min: 1, max: 30 }),
  km: fc.integer({ min: 0, max: 300 }),
  oneWay: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
});

const extraEdgeShape = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  minutes: fc.integer({ min: 1, max: 30 }),
  km: fc.integer({ min: 0, max: 300 }),
  oneWay: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
});

const scheduleShape = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("day" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("night" as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("rotating" as const),
      shift: fc.nat(),
      /** The anchor's offset from the horizon start: crews 4 apart interleave their days off. */
      anchorOffset: fc.integer({ min: -8, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("cycle" as const),
      /** Shift indexes; the value one past the last shift means "off". */
      cycle: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
      anchorOffset: fc.integer({ min: -10, max: 10 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("dates" as const),
      entries: fc.array(fc.record({ offset: fc.integer({ min: -2, max: 11 }), shift: fc.nat() }), {
        maxLength: 8,
      }),
    }),
  },
);

type ScheduleShape = typeof scheduleShape extends fc.Arbitrary<infer T> ? T : never;

/** An index into a list, often the first entry (so that crews share loops). */
const index = fc.oneof(fc.constant(0), fc.nat());

const crewShape = fc.record({
  count: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 60 })),
  enterprise: index,
  dormitory: index,
  plant: index,
  schedule: scheduleShape,
});

/** Minutes of day, often around 02:00 (where DST gaps and overlaps are). */
const minuteOfDay = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1439 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 210 }) },
);

const testingPointShape = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.record({
      opens: fc.integer({ min: 0, max: 600 }),
      hours: fc.integer({ min: 4, max: 14 }),
      slotMinutes: fc.constantFrom(15, 30, 60),
      perSlot: fc.integer({ min: 5, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      opens: fc.oneof(fc.integer({ min: 0, max: 1320 }), fc.integer({ min: 60, max: 180 })),
      hours: fc.integer({ min: 1, max: 3 }),
      slotMinutes: fc.constantFrom(15, 30, 60),
      perSlot: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

const vehicleShape = fc.record({
  seats: fc.constantFrom(...SEAT_CHOICES),
  restriction: fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.record({ enterprise: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ dormitory: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ enterprise: fc.nat(), dormitory: fc.nat() }) },
  ),
});

const policyTweaksShape = fc.record({
  disinfectionMinutes: fc.constantFrom(0, 5, 15, 30),
  maxWaitMinutes: fc.integer({ min: 20, max: 120 }),
  arriveBefore: fc.integer({ min: 0, max: 30 }),
  departAfter: fc.integer({ min: 0, max: 30 }),
  routeToleranceMinutes: fc.integer({ min: 0, max: 15 }),
  maxDriverMinutesPerDay: fc.constantFrom(60, 240, 480, 1440),
  loadFactor: fc.constantFrom(0.3, 0.5, 0.75, 1),
});

function scenarioShape(
  maxWorkers: number,
  maxDays: number,
  prototypeIds: NonNullable<ScenarioArbitraryOptions["prototypeIds"]>,
) {
  return fc.record({
    zone: fc.constantFrom(...ZONE_STARTS),
    days: fc.integer({ min: 1, max: maxDays }),
    twoRegimes: fc.boolean(),
    quietDays: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 2, max: 5 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    mixEnterprises: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true)),
    tweaks: fc.option(policyTweaksShape, { freq: 3 }),
    enterprises: fc.array(enterpriseShape, { minLength: 1, maxLength: 4 }),
    dormitories: fc.integer({ min: 1, max: 3 }),
    plants: fc.integer({ min: 1, max: 4 }),
    /** Links of nodes 1..n-1 (node 0 is the root). */
    nodeLinks: fc.array(nodeLinkShape, { minLength: 1, maxLength: 5 }),
    extraEdges: fc.array(extraEdgeShape, { maxLength: 4 }),
    /** Node index per site, dormitories first. */
    siteNodes: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    night: fc.constantFrom(["20:00", "05:00"] as const, ["22:00", "06:00"] as const),
    extraShifts: fc.array(
      fc.record({
        start: minuteOfDay,
        length: fc.oneof(
          fc.integer({ min: 1, max: 1439 }),
          fc.constantFrom(60, 240, 480, 540, 600, 720),
        ),
      }),
      { maxLength: 2 },
    ),
    crews: fc.array(crewShape, { minLength: 1, maxLength: 6 }),
    drivers: fc.array(
      fc.record({
        count: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 5 }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) },
        ),
        enterprise: fc.nat(),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    vehicles: fc.oneof(
      { weight: 3, arbitrary: fc.array(vehicleShape, { minLength: 2, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(vehicleShape, { minLength: 1, maxLength: 2 }) },
    ),
    testing: fc.array(testingPointShape, { minLength: 3, maxLength: 3 }),
    beds: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { freq: 2 }), {
      minLength: 3,
      maxLength: 3,
    }),
    workerLimit: fc.constant(maxWorkers),
    /** `null`: ordinary ids; a number: prototype names, rotated by it per id space. */
    prototypeNames:
      prototypeIds === "never"
        ? fc.constant(null)
        : prototypeIds === "always"
          ? fc.nat()
          : fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, fc.nat()),
  });
}

type Shape = ReturnType<typeof scenarioShape> extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------
// From shape to scenario.

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length] as T;
}

function schedule(
  shape: ScheduleShape,
  shiftIds: readonly string[],
  start: string,
): NonNullable<ScenarioInput["staff"][number]["schedule"]> {
  switch (shape.kind) {
    case "day":
      return { cycle: [shiftIds[0] as string], anchor: start };
    case "night":
      return { cycle: [shiftIds[1] as string], anchor: start };
    case "rotating": {
      const shift = pick(shiftIds, shape.shift);
      return {
        cycle: [shift, shift, shift, shift, "off", "off", "off", "off"],
        anchor: addDays(start, shape.anchorOffset),
      };
    }
    case "cycle":
      return {
        cycle: shape.cycle.map((index) =>
          index % (shiftIds.length + 1) === shiftIds.length ? "off" : pick(shiftIds, index),
        ),
        anchor: addDays(start, shape.anchorOffset),
      };
    case "dates": {
      const dates: Record<string, string> = {};
      for (const entry of shape.entries)
        dates[addDays(start, entry.offset)] = pick(shiftIds, entry.shift);
      return { dates };
    }
  }
}

/**
 * Renames ids of one space to prototype names: the first six and the last six entries (so
 * that drivers, listed after the workers, get some too), the names rotated by `offset`.
 */
function withPrototypeNames(ids: readonly string[], offset: number): string[] {
  const count = PROTOTYPE_NAMES.length;
  const half = count / 2;
  const chosen = ids.map((_, index) => index < half || index >= ids.length - half);
  let next = 0;
  return ids.map((id, index) =>
    chosen[index] === true ? (PROTOTYPE_NAMES[(offset + next++) % count] as string) : id,
  );
}

/**
 * The ids of one space: `ordinary`, or (for a prototype-named scenario) some of them
 * renamed, each space with its own rotation so that spaces share some names and not others.
 */
function idsOf(shape: Shape, space: number, ordinary: readonly string[]): string[] {
  return shape.prototypeNames === null
    ? [...ordinary]
    : withPrototypeNames(ordinary, shape.prototypeNames + space * 5);
}

function buildScenario(shape: Shape): ScenarioInput {
  const start = shape.zone.start;

  const enterpriseNames = idsOf(
    shape,
    0,
    shape.enterprises.map((_, index) => `e${index + 1}`),
  );
  const enterprises = shape.enterprises.map((enterprise, index) => ({
    id: enterpriseNames[index] as string,
    name: `Enterprise ${index + 1}`,
    closedHousing: enterprise.closedHousing,
    positiveCases: [...new Set(enterprise.cases.map((offset) => addDays(start, offset)))].sort(),
  }));
  const enterpriseIds = enterprises.map((enterprise) => enterprise.id);

  // Road graph: node i (i >= 1) links to an earlier node, or to a stub `zi` of its own
  // (then i and whatever links to it form another component).
  const nodeCount = shape.nodeLinks.length + 1;
  const nodeNames = idsOf(
    shape,
    1,
    Array.from({ length: nodeCount }, (_, index) => `n${index}`),
  );
  const node = (index: number) => nodeNames[index % nodeCount] as string;
  const edges: ScenarioInput["roads"]["edges"] = [];
  shape.nodeLinks.forEach((link, offset) => {
    const index = offset + 1;
    const other = link.detached ? `z${index}` : node(link.parent % index);
    edges.push({
      from: node(index),
      to: other,
      minutes: link.minutes,
      km: link.km / 10,
      ...(link.oneWay ? { oneWay: true } : {}),
    });
  });
  for (const extra of shape.extraEdges) {
    const from = extra.from % nodeCount;
    const to = extra.to % nodeCount;
    if (from === to) continue;
    edges.push({
      from: node(from),
      to: node(to),
      minutes: extra.minutes,
      km: extra.km / 10,
      ...(extra.oneWay ? { oneWay: true } : {}),
    });
  }

  // Node 0 is on no edge when node 1 hangs off a stub: give it a stub of its own.
  const onEdge = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  for (let index = 0; index < nodeCount; index++) {
    if (!onEdge.has(node(index)))
      edges.push({ from: node(index), to: `z${index}`, minutes: 1, km: 0 });
  }

  const siteNames = idsOf(shape, 2, [
    ...Array.from({ length: shape.dormitories }, (_, i) => `d${i + 1}`),
    ...Array.from({ length: shape.plants }, (_, i) => `p${i + 1}`),
  ]);
  const dormitoryIds = siteNames.slice(0, shape.dormitories);
  const plantIds = siteNames.slice(shape.dormitories);

  const shiftIds = idsOf(shape, 3, [
    "day",
    "night",
    ...shape.extraShifts.map((_, index) => `s${index + 1}`),
  ]);
  const shifts = [
    { id: shiftIds[0] as string, start: "08:00", end: "17:00" },
    { id: shiftIds[1] as string, start: shape.night[0], end: shape.night[1] },
    ...shape.extraShifts.map((extra, index) => ({
      id: shiftIds[index + 2] as string,
      start: clock(extra.start),
      end: clock(extra.start + extra.length),
    })),
  ];

  const staff: ScenarioInput["staff"] = [];
  let room = shape.workerLimit;
  let serial = 0;
  for (const crew of shape.crews) {
    const count = Math.min(crew.count, room);
    room -= count;
    const enterpriseId = pick(enterpriseIds, crew.enterprise);
    const dormitoryId = pick(dormitoryIds, crew.dormitory);
    const plantId = pick(plantIds, crew.plant);
    for (let i = 0; i < count; i++) {
      serial++;
      staff.push({
        id: `w${String(serial).padStart(3, "0")}`,
        enterpriseId,
        dormitoryId,
        plantId,
        role: "worker",
        schedule: schedule(crew.schedule, shiftIds, start),
      });
    }
  }
  dormitoryIds.forEach((dormitoryId, index) => {
    const drivers = shape.drivers[index] ?? { count: 1, enterprise: 0 };
    for (let i = 0; i < drivers.count; i++) {
      staff.push({
        // By position, not by dormitory id: a dormitory may be named `__proto__`.
        id: `k-d${index + 1}-${i + 1}`,
        enterpriseId: pick(enterpriseIds, drivers.enterprise + i),
        dormitoryId,
        role: "driver",
      });
    }
  });
  const staffNames = idsOf(
    shape,
    4,
    staff.map((person) => person.id),
  );
  staff.forEach((person, index) => {
    person.id = staffNames[index] as string;
  });

  const residents = (dormitoryId: string) =>
    staff.filter((person) => person.dormitoryId === dormitoryId).length;
  const sites: ScenarioInput["sites"] = [
    ...dormitoryIds.map((id, index) => {
      const testing = shape.testing[index];
      const beds = shape.beds[index];
      return {
        id,
        name: `Dormitory ${index + 1}`,
        kind: "dormitory" as const,
        node: node(pick(shape.siteNodes, index)),
        ...(beds === null || beds === undefined ? {} : { beds: residents(id) + beds }),
        ...(testing === null || testing === undefined
          ? {}
          : {
              testing: {
                opens: clock(testing.opens),
                closes: clock(Math.min(testing.opens + testing.hours * 60, 1439)),
                slotMinutes: testing.slotMinutes,
                perSlot: testing.perSlot,
              },
            }),
      };
    }),
    ...plantIds.map((id, index) => ({
      id,
      name: `Plant ${index + 1}`,
      kind: "plant" as const,
      node: node(pick(shape.siteNodes, 3 + index)),
    })),
  ];

  const vehicleNames = idsOf(
    shape,
    5,
    shape.vehicles.map((_, index) => `v${index + 1}`),
  );
  const vehicles: ScenarioInput["vehicles"] = shape.vehicles.map((vehicle, index) => {
    const restriction = vehicle.restriction;
    return {
      id: vehicleNames[index] as string,
      seats: vehicle.seats,
      ...(restriction !== null && "enterprise" in restriction
        ? { enterpriseId: pick(enterpriseIds, restriction.enterprise) }
        : {}),
      ...(restriction !== null && "dormitory" in restriction
        ? { dormitoryId: pick(dormitoryIds, restriction.dormitory) }
        : {}),
    };
  });

  const kinds = idsOf(shape, 6, ["antigen", "pcr"]);
  const tweaks = shape.tweaks;
  const maxWait = tweaks?.maxWaitMinutes ?? 60;
  const policy: NonNullable<ScenarioInput["policy"]> = {
    ...(shape.quietDays === undefined ? {} : { quietDays: shape.quietDays }),
    ...(shape.mixEnterprises ? { mixEnterprises: true } : {}),
    ...(tweaks === null
      ? {}
      : {
          disinfectionMinutes: tweaks.disinfectionMinutes,
          maxWaitMinutes: maxWait,
          arriveBeforeShiftMinutes: Math.min(tweaks.arriveBefore, maxWait),
          departAfterShiftMinutes: Math.min(tweaks.departAfter, maxWait),
          routeToleranceMinutes: tweaks.routeToleranceMinutes,
          maxDriverMinutesPerDay: tweaks.maxDriverMinutesPerDay,
          loadFactor: tweaks.loadFactor,
        }),
    testing: shape.twoRegimes
      ? [
          { kind: kinds[0] as string, validHours: 24, resultMinutes: 30 },
          { kind: kinds[1] as string, validHours: 48, resultMinutes: 360 },
        ]
      : [{ kind: kinds[1] as string, validHours: 48, resultMinutes: 0 }],
  };

  return {
    name: "generated",
    timeZone: shape.zone.timeZone,
    horizon: { start, days: shape.days },
    policy,
    enterprises,
    sites,
    roads: { edges },
    shifts,
    staff,
    vehicles,
  };
}

/**
 * Valid scenario inputs (each passes `parseScenario`), small enough that parsing, planning
 * and validating one takes a few milliseconds to a few tens of milliseconds.
 */
export function scenarioArbitrary(options?: ScenarioArbitraryOptions): fc.Arbitrary<ScenarioInput> {
  const maxWorkers = Math.max(1, options?.maxWorkers ?? 200);
  const maxDays = Math.max(1, options?.maxDays ?? 10);
  const prototypeIds = options?.prototypeIds ?? "sometimes";
  return scenarioShape(maxWorkers, maxDays, prototypeIds).map(buildScenario);
}
