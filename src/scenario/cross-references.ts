/**
 * The cross-reference pass: ids that repeat, ids that point nowhere or at the wrong kind of
 * thing, and facts that need more than one field (a shift whose start equals its end).
 * It reads the raw input defensively, so it can report alongside shape errors.
 */

import { vehicleCapacity } from "../facts/capacity.js";
import { formatCivilDate, parseCivilDate } from "../time/civil-date.js";
import { parseClockTime } from "../time/clock-time.js";
import { isKnownTimeZone } from "../time/local-time.js";
import { ZoneClock } from "../time/zone-clock.js";
import type { InputIssue } from "../util/issues.js";
import { DEFAULT_LOAD_FACTOR, inHorizonYears, MAX_HORIZON_DAYS } from "./schema.js";

type Raw = Record<string, unknown>;

function record(value: unknown): Raw | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Raw)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Ids of one collection, with duplicate-id issues. */
function collectIds(items: unknown[], collection: string, issues: InputIssue[]): Map<string, Raw> {
  const byId = new Map<string, Raw>();
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const entry = record(item);
    const itemId = text(entry?.id);
    if (entry === undefined || itemId === undefined) return;
    const first = firstIndex.get(itemId);
    if (first !== undefined) {
      issues.push({
        path: [collection, index, "id"],
        message: `duplicate ${collection} id ${JSON.stringify(itemId)} (first used at ${collection}[${first}])`,
      });
      return;
    }
    firstIndex.set(itemId, index);
    byId.set(itemId, entry);
  });
  return byId;
}

function checkReference(
  issues: InputIssue[],
  path: (string | number)[],
  value: unknown,
  known: Map<string, Raw>,
  what: string,
): Raw | undefined {
  const ref = text(value);
  if (ref === undefined) return undefined;
  const target = known.get(ref);
  if (target === undefined)
    issues.push({ path, message: `unknown ${what} ${JSON.stringify(ref)}` });
  return target;
}

function checkSiteKind(
  issues: InputIssue[],
  path: (string | number)[],
  value: unknown,
  sites: Map<string, Raw>,
  kind: "dormitory" | "plant",
): void {
  const site = checkReference(
    issues,
    path,
    value,
    sites,
    kind === "dormitory" ? "dormitory (site id)" : "plant (site id)",
  );
  if (site !== undefined && site.kind !== kind) {
    issues.push({
      path,
      message: `${JSON.stringify(value)} names a ${String(site.kind)}, not a ${kind}`,
    });
  }
}

/** Every cross-reference problem in a (possibly malformed) scenario input. */
export function checkCrossReferences(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const root = record(input);
  if (root === undefined) return issues;

  const enterprises = collectIds(list(root.enterprises), "enterprises", issues);
  const sites = collectIds(list(root.sites), "sites", issues);
  const shifts = collectIds(list(root.shifts), "shifts", issues);
  const staff = collectIds(list(root.staff), "staff", issues);
  const vehicles = collectIds(list(root.vehicles), "vehicles", issues);

  // Loop ids are "<enterpriseId>/<dormitoryId>/<plantId>" and "*" means every enterprise
  // (SPEC §4): ids that would make two loops share an id, or fake a mixed loop, are refused.
  for (const [collection, byId] of [
    ["enterprises", enterprises],
    ["sites", sites],
  ] as const) {
    [...byId.keys()].forEach((itemId) => {
      if (!itemId.includes("/") && itemId !== "*") return;
      const index = list(root[collection]).findIndex((item) => record(item)?.id === itemId);
      issues.push({
        path: [collection, index, "id"],
        message: `${JSON.stringify(itemId)} cannot be an id here: loop ids join ids with "/", and "*" stands for every enterprise`,
      });
    });
  }

  const testingKinds = new Map<string, number>();
  list(record(root.policy)?.testing).forEach((regime, index) => {
    const kind = text(record(regime)?.kind);
    if (kind === undefined) return;
    const first = testingKinds.get(kind);
    if (first !== undefined) {
      issues.push({
        path: ["policy", "testing", index, "kind"],
        message: `testing kind ${JSON.stringify(kind)} is listed twice (first at policy.testing[${first}])`,
      });
    } else testingKinds.set(kind, index);
  });

  const policy = record(root.policy);
  for (const key of ["arriveBeforeShiftMinutes", "departAfterShiftMinutes"] as const) {
    const value = policy?.[key];
    const maxWait = policy?.maxWaitMinutes ?? 60;
    if (typeof value === "number" && typeof maxWait === "number" && value > maxWait) {
      issues.push({
        path: ["policy", key],
        message: `${key} is ${value}, more than maxWaitMinutes ${maxWait}: no ride could ever be on time`,
      });
    }
  }

  list(root.shifts).forEach((item, index) => {
    const shift = record(item);
    if (shift?.id === "off") {
      issues.push({
        path: ["shifts", index, "id"],
        message: `"off" is reserved for days off and cannot be a shift id`,
      });
    }
    const start = text(shift?.start);
    if (start !== undefined && start === shift?.end && parseClockTime(start) !== undefined) {
      issues.push({
        path: ["shifts", index, "end"],
        message: `shift ${JSON.stringify(shift?.id)} starts and ends at ${start}: a shift needs a length`,
      });
    }
  });

  const roadNodes = new Set<string>();
  list(record(root.roads)?.edges).forEach((item, index) => {
    const edge = record(item);
    const from = text(edge?.from);
    const to = text(edge?.to);
    if (from !== undefined) roadNodes.add(from);
    if (to !== undefined) roadNodes.add(to);
    if (from !== undefined && from === to) {
      issues.push({
        path: ["roads", "edges", index, "to"],
        message: `edge from ${JSON.stringify(from)} to itself`,
      });
    }
  });

  list(root.sites).forEach((item, index) => {
    const site = record(item);
    const node = text(site?.node);
    if (node !== undefined && !roadNodes.has(node)) {
      issues.push({
        path: ["sites", index, "node"],
        message: `node ${JSON.stringify(node)} is on no road edge`,
      });
    }
    if ((site?.lat === undefined) !== (site?.lon === undefined)) {
      const missing = site?.lat === undefined ? "lat" : "lon";
      issues.push({
        path: ["sites", index, missing],
        message: `site ${JSON.stringify(site?.id)} gives ${missing === "lat" ? "lon" : "lat"} without ${missing}: give both, or neither to take its node's`,
      });
    }
    const testing = record(site?.testing);
    const opens = parseClockTime(text(testing?.opens) ?? "");
    const closes = parseClockTime(text(testing?.closes) ?? "");
    if (opens !== undefined && closes !== undefined && closes <= opens) {
      issues.push({
        path: ["sites", index, "testing", "closes"],
        message: `testing point closes at ${String(testing?.closes)}, not after it opens at ${String(testing?.opens)}`,
      });
    }
    if (testing !== undefined && site?.kind === "plant") {
      issues.push({
        path: ["sites", index, "testing"],
        message: "testing points are at dormitories, not plants",
      });
    }
  });

  const shiftKnown = (value: unknown) =>
    value === "off" || (typeof value === "string" && shifts.has(value));
  list(root.staff).forEach((item, index) => {
    const person = record(item);
    if (person === undefined) return;
    checkReference(
      issues,
      ["staff", index, "enterpriseId"],
      person.enterpriseId,
      enterprises,
      "enterprise",
    );
    checkSiteKind(issues, ["staff", index, "dormitoryId"], person.dormitoryId, sites, "dormitory");
    if (person.plantId !== undefined)
      checkSiteKind(issues, ["staff", index, "plantId"], person.plantId, sites, "plant");
    if (person.role === "worker") {
      if (person.plantId === undefined) {
        issues.push({
          path: ["staff", index, "plantId"],
          message: `worker ${JSON.stringify(person.id)} has no plantId`,
        });
      }
      if (person.schedule === undefined) {
        issues.push({
          path: ["staff", index, "schedule"],
          message: `worker ${JSON.stringify(person.id)} has no schedule`,
        });
      }
    }
    const schedule = record(person.schedule);
    list(schedule?.cycle).forEach((entry, position) => {
      if (typeof entry === "string" && !shiftKnown(entry)) {
        issues.push({
          path: ["staff", index, "schedule", "cycle", position],
          message: `unknown shift ${JSON.stringify(entry)} (use a shift id or "off")`,
        });
      }
    });
    const dates = record(schedule?.dates);
    for (const [date, entry] of Object.entries(dates ?? {})) {
      if (date === "__proto__") {
        // zod drops a `__proto__` record key without a word (it would replace the prototype):
        // without this, that entry of the schedule would vanish silently.
        issues.push({
          path: ["staff", index, "schedule", "dates", date],
          message: `invalid key "__proto__": expected a calendar date YYYY-MM-DD`,
        });
      } else if (typeof entry === "string" && !shifts.has(entry)) {
        issues.push({
          path: ["staff", index, "schedule", "dates", date],
          message: `unknown shift ${JSON.stringify(entry)}`,
        });
      }
    }
  });

  list(root.vehicles).forEach((item, index) => {
    const vehicle = record(item);
    if (vehicle === undefined) return;
    if (vehicle.enterpriseId !== undefined) {
      checkReference(
        issues,
        ["vehicles", index, "enterpriseId"],
        vehicle.enterpriseId,
        enterprises,
        "enterprise",
      );
    }
    if (vehicle.dormitoryId !== undefined) {
      checkSiteKind(
        issues,
        ["vehicles", index, "dormitoryId"],
        vehicle.dormitoryId,
        sites,
        "dormitory",
      );
    }
  });

  checkCapacities(root, issues);
  checkUnavailable(root, staff, vehicles, issues);
  checkRoadNodes(root, roadNodes, issues);
  checkWholeMinuteOffsets(root, issues);
  return issues;
}

/**
 * The zone keeps whole-minute offsets over the horizon (and a day either side): a roster
 * writes every instant with a `±HH:mm` offset. Since 1970 only Africa/Monrovia did not
 * (−0:44:30 until 1972-01-07). Read at each local midnight; skipped while the zone or the
 * horizon is itself malformed (a year out of range is reported at the horizon only).
 */
function checkWholeMinuteOffsets(root: Raw, issues: InputIssue[]): void {
  const zone = text(root.timeZone);
  const horizon = record(root.horizon);
  const startText = text(horizon?.start) ?? "";
  const start = parseCivilDate(startText);
  const days = horizon?.days;
  if (zone === undefined || !isKnownTimeZone(zone) || start === undefined) return;
  if (!inHorizonYears(startText) || !Number.isInteger(days)) return;
  if ((days as number) < 1 || (days as number) > MAX_HORIZON_DAYS) return;
  const clock = new ZoneClock(zone);
  for (let day = start - 1; day <= start + (days as number); day++) {
    const offset = clock.offsetMinutes(clock.instantAt(day, 0));
    if (Number.isInteger(offset)) continue;
    issues.push({
      path: ["timeZone"],
      message: `${zone} is ${Number(offset.toFixed(2))} minutes from UTC on ${formatCivilDate(day)}, not a whole number of minutes: a roster writes whole-minute offsets`,
    });
    return;
  }
}

/**
 * Every vehicle carries someone: `floor(seats × loadFactor)` (SPEC §4) is at least 1. A
 * vehicle the load factor leaves no seat would be planned around silently; it is reported at
 * its `seats`, since a load factor is shared by every vehicle (and the policy's default
 * applies when it is not written). Skipped while either number is itself malformed.
 */
function checkCapacities(root: Raw, issues: InputIssue[]): void {
  const written = record(root.policy)?.loadFactor;
  const loadFactor = written === undefined ? DEFAULT_LOAD_FACTOR : written;
  if (typeof loadFactor !== "number" || !(loadFactor > 0 && loadFactor <= 1)) return;
  list(root.vehicles).forEach((item, index) => {
    const vehicle = record(item);
    const seats = vehicle?.seats;
    if (typeof seats !== "number" || !Number.isSafeInteger(seats) || seats < 1) return;
    const capacity = vehicleCapacity(seats, loadFactor);
    if (capacity >= 1) return;
    issues.push({
      path: ["vehicles", index, "seats"],
      message: `vehicle ${JSON.stringify(vehicle?.id)} has ${seats} seat${seats === 1 ? "" : "s"}: at loadFactor ${loadFactor} it can carry nobody (floor(${seats} × ${loadFactor}) = ${capacity})`,
    });
  });
}

/** `unavailable` periods: one subject each, known, and `from` not after `to` (SPEC §3). */
function checkUnavailable(
  root: Raw,
  staff: Map<string, Raw>,
  vehicles: Map<string, Raw>,
  issues: InputIssue[],
): void {
  list(root.unavailable).forEach((item, index) => {
    const period = record(item);
    if (period === undefined) return;
    const hasPerson = period.personId !== undefined;
    const hasVehicle = period.vehicleId !== undefined;
    if (hasPerson === hasVehicle) {
      issues.push({
        path: ["unavailable", index],
        message: hasPerson
          ? `a period names a person (${JSON.stringify(period.personId)}) and a vehicle (${JSON.stringify(period.vehicleId)}): give one of them`
          : "a period names neither a personId nor a vehicleId: give one of them",
      });
    } else if (hasPerson) {
      checkReference(issues, ["unavailable", index, "personId"], period.personId, staff, "person");
    } else {
      checkReference(
        issues,
        ["unavailable", index, "vehicleId"],
        period.vehicleId,
        vehicles,
        "vehicle",
      );
    }
    const from = text(period.from);
    const to = text(period.to);
    if (
      from !== undefined &&
      to !== undefined &&
      parseCivilDate(from) !== undefined &&
      parseCivilDate(to) !== undefined &&
      to < from
    ) {
      issues.push({
        path: ["unavailable", index, "to"],
        message: `the period ends on ${to}, before it starts on ${from}`,
      });
    }
  });
}

/** `roads.nodes`: each id once, and each on a road edge (a node on none is nearly always a typo). */
function checkRoadNodes(root: Raw, roadNodes: Set<string>, issues: InputIssue[]): void {
  const first = new Map<string, number>();
  list(record(root.roads)?.nodes).forEach((item, index) => {
    const nodeId = text(record(item)?.id);
    if (nodeId === undefined) return;
    const seen = first.get(nodeId);
    if (seen !== undefined) {
      issues.push({
        path: ["roads", "nodes", index, "id"],
        message: `duplicate node id ${JSON.stringify(nodeId)} (first at roads.nodes[${seen}])`,
      });
      return;
    }
    first.set(nodeId, index);
    if (!roadNodes.has(nodeId)) {
      issues.push({
        path: ["roads", "nodes", index, "id"],
        message: `node ${JSON.stringify(nodeId)} is on no road edge`,
      });
    }
  });
}
