import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assessEligibility } from "../../src/facts/eligibility.js";
import { deriveLoops } from "../../src/facts/loops.js";
import { shiftInstances } from "../../src/facts/shifts.js";
import { planRoster } from "../../src/index.js";
import { jinshanScenario } from "../../src/jinshan/scenario.js";
import { parseScenario } from "../../src/scenario/parse.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { seededRandom } from "../../src/util/seeded-random.js";

const scenario: Scenario = parseScenario(jinshanScenario());
const workers = scenario.staff.filter((person) => person.role === "worker");
const drivers = scenario.staff.filter((person) => person.role === "driver");
const dormitories = scenario.sites.filter((site) => site.kind === "dormitory");
const plants = scenario.sites.filter((site) => site.kind === "plant");

function horizonDates(): string[] {
  const dates: string[] = [];
  const first = Date.parse(`${scenario.horizon.start}T00:00:00Z`);
  for (let day = 0; day < scenario.horizon.days; day++) {
    dates.push(new Date(first + day * 86_400_000).toISOString().slice(0, 10));
  }
  return dates;
}

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

describe("jinshanScenario", () => {
  it("parses without a scenario error", () => {
    expect(() => parseScenario(jinshanScenario())).not.toThrow();
  });

  it("is deterministic and returns a fresh object on every call", () => {
    const first = jinshanScenario();
    const second = jinshanScenario();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.staff).not.toBe(first.staff);
    first.staff.length = 0;
    expect(jinshanScenario().staff.length).toBe(second.staff.length);
  });

  it("sets the zone, horizon and policy of the issue", () => {
    expect(scenario.timeZone).toBe("Asia/Shanghai");
    expect(scenario.horizon).toEqual({ start: "2022-05-16", days: 14 });
    expect(scenario.policy.loadFactor).toBe(0.5);
    expect(scenario.policy.disinfectionMinutes).toBe(15);
    expect(scenario.policy.quietDays).toBe(14);
    expect(scenario.policy.testing).toEqual([
      { kind: "antigen", validHours: 24, resultMinutes: 30 },
      { kind: "pcr", validHours: 48, resultMinutes: 360 },
    ]);
  });

  it("has the enterprises, dormitories and plants the issue asks for", () => {
    expect(scenario.enterprises.length).toBeGreaterThanOrEqual(6);
    expect(scenario.enterprises.map((enterprise) => enterprise.id)).toEqual(
      expect.arrayContaining(["shanghai-petrochem", "jinshan-electric", "secco", "jinshan-alloy"]),
    );
    expect(dormitories.length).toBeGreaterThanOrEqual(4);
    for (const dormitory of dormitories) {
      expect(dormitory.beds, dormitory.id).toBeGreaterThan(0);
      expect(dormitory.testing, dormitory.id).toBeDefined();
    }
    expect(plants.length).toBeGreaterThanOrEqual(6);
  });

  it("has about 1,500 workers with unique ids, and ~600 at the petrochemical complex", () => {
    expect(workers.length).toBeGreaterThanOrEqual(1400);
    expect(workers.length).toBeLessThanOrEqual(1600);
    expect(new Set(scenario.staff.map((person) => person.id)).size).toBe(scenario.staff.length);
    for (const worker of workers) {
      expect(worker.plantId, worker.id).toBeDefined();
      expect(worker.schedule, worker.id).toBeDefined();
    }
    const petrochem = workers.filter((worker) => worker.enterpriseId === "shanghai-petrochem");
    expect(petrochem.length).toBeGreaterThanOrEqual(500);
    expect(petrochem.length).toBeLessThanOrEqual(700);
  });

  it("shuttles exactly 170 alloy workers from one staff station", () => {
    const alloy = workers.filter((worker) => worker.enterpriseId === "jinshan-alloy");
    expect(alloy).toHaveLength(170);
    expect(new Set(alloy.map((worker) => worker.dormitoryId)).size).toBe(1);
  });

  it("houses each enterprise's workers in one or two dormitories", () => {
    for (const enterprise of scenario.enterprises) {
      const own = workers.filter((worker) => worker.enterpriseId === enterprise.id);
      expect(own.length, enterprise.id).toBeGreaterThan(0);
      const housing = new Set(own.map((worker) => worker.dormitoryId));
      expect(housing.size, enterprise.id).toBeGreaterThanOrEqual(1);
      expect(housing.size, enterprise.id).toBeLessThanOrEqual(2);
    }
  });

  it("has fewer residents than beds in every dormitory", () => {
    for (const dormitory of dormitories) {
      const residents = scenario.staff.filter((person) => person.dormitoryId === dormitory.id);
      expect(residents.length, dormitory.id).toBeLessThan(dormitory.beds ?? 0);
    }
  });

  it("gives every dormitory's testing point room for a fixed daily slot per resident", () => {
    for (const dormitory of dormitories) {
      const point = dormitory.testing;
      if (point === undefined) throw new Error(`${dormitory.id} has no testing point`);
      const slots = Math.floor(
        (minutesOfDay(point.closes) - minutesOfDay(point.opens)) / point.slotMinutes,
      );
      const residents = scenario.staff.filter((person) => person.dormitoryId === dormitory.id);
      expect(slots * point.perSlot, dormitory.id).toBeGreaterThan(residents.length * 3);
    }
  });

  it("has drivers in every dormitory that has vehicles tied to it", () => {
    for (const dormitory of dormitories) {
      const based = scenario.vehicles.filter((vehicle) => vehicle.dormitoryId === dormitory.id);
      const living = drivers.filter((driver) => driver.dormitoryId === dormitory.id);
      expect(living.length, dormitory.id).toBeGreaterThanOrEqual(based.length + 2);
    }
    for (const driver of drivers) expect(driver.plantId, driver.id).toBeUndefined();
  });

  it("has vehicles of 19, 33, 45 and 53 seats, some of them restricted", () => {
    const seats = new Set(scenario.vehicles.map((vehicle) => vehicle.seats));
    for (const size of [19, 33, 45, 53]) expect(seats.has(size), `${size} seats`).toBe(true);
    expect(scenario.vehicles.some((vehicle) => vehicle.enterpriseId !== undefined)).toBe(true);
    expect(scenario.vehicles.some((vehicle) => vehicle.dormitoryId !== undefined)).toBe(true);
    expect(
      scenario.vehicles.some(
        (vehicle) => vehicle.enterpriseId === undefined && vehicle.dormitoryId === undefined,
      ),
    ).toBe(true);
  });

  it("has enough vehicle capacity at every dormitory for its loops' busiest shifts", () => {
    const capacity = (seats: number) => Math.floor(seats * scenario.policy.loadFactor);
    const staffById = new Map(scenario.staff.map((person) => [person.id, person]));
    const riders = new Map<string, number>();
    for (const shift of shiftInstances(scenario)) {
      const dormitoryId = staffById.get(shift.personId)?.dormitoryId ?? "";
      const key = `${dormitoryId} ${shift.shiftId} ${shift.date}`;
      riders.set(key, (riders.get(key) ?? 0) + 1);
    }
    for (const dormitory of dormitories) {
      const enterprises = new Set(
        workers.filter((w) => w.dormitoryId === dormitory.id).map((w) => w.enterpriseId),
      );
      const eligibleToday = [...enterprises].some(
        (id) => assessEligibility(scenario, id, "2022-05-29").eligible,
      );
      if (!eligibleToday) continue;
      const seats = scenario.vehicles
        .filter(
          (vehicle) =>
            vehicle.dormitoryId === dormitory.id ||
            (vehicle.dormitoryId === undefined &&
              vehicle.enterpriseId !== undefined &&
              enterprises.has(vehicle.enterpriseId)),
        )
        .reduce((sum, vehicle) => sum + capacity(vehicle.seats), 0);
      const peak = Math.max(
        ...[...riders].filter(([key]) => key.startsWith(`${dormitory.id} `)).map(([, n]) => n),
      );
      expect(seats, dormitory.id).toBeGreaterThanOrEqual(peak);
    }
  });

  it("has one-way roads, and every site on some road", () => {
    const edges = scenario.roads.edges;
    expect(edges.some((edge) => edge.oneWay === true)).toBe(true);
    const nodes = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    for (const site of scenario.sites) expect(nodes.has(site.node), site.id).toBe(true);
    for (const edge of edges) {
      expect(Number.isInteger(edge.minutes) && edge.minutes > 0).toBe(true);
      expect(edge.km).toBeGreaterThan(0);
    }
  });

  it("routes every loop both ways, within 40 minutes", () => {
    const loops = deriveLoops(scenario);
    expect(loops.length).toBeGreaterThanOrEqual(6);
    for (const loop of loops) {
      expect(loop.toPlant, loop.id).not.toBeNull();
      expect(loop.toDormitory, loop.id).not.toBeNull();
      expect(loop.toPlant?.minutes ?? 0, loop.id).toBeLessThanOrEqual(40);
      expect(loop.toDormitory?.minutes ?? 0, loop.id).toBeLessThanOrEqual(40);
    }
    expect(loops[0]?.id).toBe("jinshan-alloy/tinglin-apartments/alloy-plant");
  });

  it("has a ten-minute, three-kilometre loop", () => {
    const near = deriveLoops(scenario).find(
      (loop) => (loop.toPlant?.minutes ?? 99) <= 10 && (loop.toPlant?.km ?? 99) <= 3.5,
    );
    expect(near).toBeDefined();
  });

  it("makes route choice matter: the fastest route is not the shortest", () => {
    const electric = deriveLoops(scenario).find(
      (loop) => loop.id === "jinshan-electric/zhujing-apartments/electric-plant",
    );
    const route = electric?.toPlant;
    if (route === undefined || route === null) throw new Error("no electric loop route");
    expect(route.path).toContain("s4-zhujing-interchange");
    // The direct country road, gate to gate, is shorter in km but slower.
    const edge = (from: string, to: string) => {
      const found = scenario.roads.edges.find((e) => e.from === from && e.to === to);
      if (found === undefined) throw new Error(`no edge ${from} -> ${to}`);
      return found;
    };
    const direct = [
      edge("zhujing-apartments-gate", "zhujing"),
      edge("zhujing", "jinshan-industrial-park"),
      edge("electric-plant-gate", "jinshan-industrial-park"),
    ];
    const directMinutes = direct.reduce((sum, e) => sum + e.minutes, 0);
    const directKm = direct.reduce((sum, e) => sum + e.km, 0);
    expect(directMinutes).toBeGreaterThan(route.minutes);
    expect(directKm).toBeLessThan(route.km);
  });

  it("sends the alloy loop a different way home because of the one-way gate road", () => {
    const alloy = deriveLoops(scenario).find((loop) => loop.enterpriseId === "jinshan-alloy");
    expect(alloy?.toPlant?.path).not.toEqual([...(alloy?.toDormitory?.path ?? [])].reverse());
  });

  it("starts secco-0001 on the day shift of 2022-05-16", () => {
    expect(shiftInstances(scenario, "secco-0001")[0]).toMatchObject({
      shiftId: "day",
      date: "2022-05-16",
      start: "2022-05-16T08:00:00+08:00",
    });
  });

  it("makes the enterprise with the 2022-05-10 case eligible only from 2022-05-25", () => {
    const affected = scenario.enterprises.filter((enterprise) =>
      enterprise.positiveCases.includes("2022-05-10"),
    );
    expect(affected).toHaveLength(1);
    const id = affected[0]?.id ?? "";
    expect(assessEligibility(scenario, id, "2022-05-16").eligible).toBe(false);
    expect(assessEligibility(scenario, id, "2022-05-24").eligible).toBe(false);
    expect(assessEligibility(scenario, id, "2022-05-25").eligible).toBe(true);
  });

  it("never lets the enterprise without closed housing run a loop", () => {
    const open = scenario.enterprises.filter((enterprise) => !enterprise.closedHousing);
    expect(open).toHaveLength(1);
    for (const date of horizonDates()) {
      expect(assessEligibility(scenario, open[0]?.id ?? "", date).eligible, date).toBe(false);
    }
  });

  it("keeps every other enterprise eligible over the whole horizon", () => {
    const others = scenario.enterprises.filter(
      (enterprise) => enterprise.closedHousing && enterprise.positiveCases.length === 0,
    );
    expect(others.length).toBe(scenario.enterprises.length - 2);
    for (const enterprise of others) {
      for (const date of horizonDates()) {
        expect(assessEligibility(scenario, enterprise.id, date).eligible).toBe(true);
      }
    }
  });
});

/** Great-circle km between two WGS84 positions (haversine, mean Earth radius). */
function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const sinLat = Math.sin(((b.lat - a.lat) * rad) / 2);
  const sinLon = Math.sin(((b.lon - a.lon) * rad) / 2);
  const h = sinLat ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * sinLon ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe("jinshanScenario: coordinates", () => {
  const positions = new Map((scenario.roads.nodes ?? []).map((node) => [node.id, node]));

  it("places every road node, and only road nodes, in Jinshan district", () => {
    const onRoads = new Set(scenario.roads.edges.flatMap((edge) => [edge.from, edge.to]));
    expect(new Set(positions.keys())).toEqual(onRoads);
    expect(positions.size).toBe(scenario.roads.nodes?.length);
    for (const node of positions.values()) {
      // The district: about 30.68–30.98° N, 121.00–121.45° E (Hangzhou Bay to the south).
      expect(node.lat, node.id).toBeGreaterThan(30.68);
      expect(node.lat, node.id).toBeLessThan(30.98);
      expect(node.lon, node.id).toBeGreaterThan(121.0);
      expect(node.lon, node.id).toBeLessThan(121.45);
    }
  });

  it("resolves every site to coordinates: its own, else its gate node's", () => {
    for (const site of scenario.sites) {
      const own = site.lat !== undefined && site.lon !== undefined;
      expect(own || positions.has(site.node), site.id).toBe(true);
    }
  });

  it("never makes a road shorter than the straight line between its ends, nor far longer", () => {
    for (const edge of scenario.roads.edges) {
      const from = positions.get(edge.from);
      const to = positions.get(edge.to);
      if (from === undefined || to === undefined) throw new Error(`${edge.from}–${edge.to}`);
      const straight = greatCircleKm(from, to);
      const name = `${edge.from}–${edge.to}: ${edge.km} km road, ${straight.toFixed(3)} km straight`;
      expect(edge.km, name).toBeGreaterThanOrEqual(straight - 1e-9);
      // Roads wind, but a road over twice its straight line would look wrong on a map.
      expect(straight, name).toBeGreaterThanOrEqual(edge.km / 2);
    }
  });

  it("keeps the geography: Fengjing west of Zhujing, Caojing east, Shihua on the southern coast", () => {
    const at = (id: string) => positions.get(id) ?? { lat: Number.NaN, lon: Number.NaN };
    expect(at("fengjing").lon).toBeLessThan(at("zhujing").lon);
    expect(at("caojing").lon).toBeGreaterThan(at("tinglin").lon);
    for (const town of ["zhujing", "tinglin", "fengjing", "caojing", "jinshanwei"])
      expect(at("shihua").lat, town).toBeLessThan(at(town).lat);
  });

  it("changes nothing else: the scenario without roads.nodes is the one from before coordinates", () => {
    const input = jinshanScenario();
    const { nodes, ...roads } = input.roads;
    expect(nodes?.length).toBeGreaterThan(0);
    const digest = createHash("sha256")
      .update(JSON.stringify({ ...input, roads }))
      .digest("hex");
    // SHA-256 of JSON.stringify(jinshanScenario()) at commit 04494be, before roads.nodes.
    expect(digest).toBe("33ba88713e8cfd5966651837bc5d307322b56f2ce830201fe92f7c407dddfbfe");
  });

  it("plans the same roster with or without coordinates", () => {
    const input = jinshanScenario();
    const { nodes: _, ...roads } = input.roads;
    expect(JSON.stringify(planRoster(input))).toBe(JSON.stringify(planRoster({ ...input, roads })));
  });
});

describe("seededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(seededRandom(8).next()).not.toBe(seededRandom(7).next());
  });
});
