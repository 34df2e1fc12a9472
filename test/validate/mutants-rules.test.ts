/**
 * The rules' violations, exactly: every kind of unknown reference with its path, kind,
 * ids and message; the joined wording of rules that find several problems at once; the
 * boundaries and orderings the rule tests leave open.
 */
import { describe, expect, it } from "vitest";
import { type ScenarioInput, type ValidationReport, validateRoster } from "../../src/index.js";
import { fixtureScenario, LOOP, validRoster } from "../fixtures/valid-roster.js";
import { nonZero, violationsOf } from "./report-helpers.js";

function validate(change: (roster: any) => void, scenario?: ScenarioInput): ValidationReport {
  const roster: any = structuredClone(validRoster());
  change(roster);
  return validateRoster(scenario ?? fixtureScenario(), roster);
}

function scenarioWith(change: (scenario: any) => void): ScenarioInput {
  const scenario: any = structuredClone(fixtureScenario());
  change(scenario);
  return scenario;
}

const at = (local: string) => `${local}:00+08:00`;

describe("unknown-reference, every kind exactly", () => {
  it("a loop's unknown enterprise", () => {
    const report = validate((roster) => {
      roster.loops[0].enterpriseId = "e9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        loopId: LOOP,
        referenceKind: "enterprise",
        reference: "e9",
        path: ["loops", 0, "enterpriseId"],
        message: 'loop e1/d1/p1 names unknown enterprise "e9"',
      },
    ]);
  });

  it("a loop's unknown dormitory (and fixed-route does not judge its routes)", () => {
    const report = validate((roster) => {
      roster.loops[0].dormitoryId = "d9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        loopId: LOOP,
        referenceKind: "site",
        reference: "d9",
        path: ["loops", 0, "dormitoryId"],
        message: 'loop e1/d1/p1 names unknown site "d9"',
      },
    ]);
    // Neither route can be checked against a site that does not exist.
    expect(report.counts["fixed-route"]).toBe(0);
  });

  it("a loop's unknown plant (and fixed-route does not judge its routes)", () => {
    const report = validate((roster) => {
      roster.loops[0].plantId = "p9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        loopId: LOOP,
        referenceKind: "site",
        reference: "p9",
        path: ["loops", 0, "plantId"],
        message: 'loop e1/d1/p1 names unknown site "p9"',
      },
    ]);
    expect(report.counts["fixed-route"]).toBe(0);
  });

  it("a vehicles entry's unknown driver", () => {
    const report = validate((roster) => {
      roster.vehicles[0].driverId = "k9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        vehicleId: "v1",
        referenceKind: "driver",
        reference: "k9",
        path: ["vehicles", 0, "driverId"],
        message: 'vehicle entry 0 (v1) names unknown driver "k9"',
      },
    ]);
  });

  it("a vehicles entry's unknown vehicle and loop", () => {
    const report = validate((roster) => {
      roster.vehicles.push({ vehicleId: "v9", loopId: "e9/d9/p9", driverId: "k1" });
    });
    // In report order: same vehicle, so by message.
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        vehicleId: "v9",
        referenceKind: "loop",
        reference: "e9/d9/p9",
        path: ["vehicles", 1, "loopId"],
        message: 'vehicle entry 1 (v9) names unknown loop "e9/d9/p9"',
      },
      {
        code: "unknown-reference",
        vehicleId: "v9",
        referenceKind: "vehicle",
        reference: "v9",
        path: ["vehicles", 1, "vehicleId"],
        message: 'vehicle entry 1 (v9) names unknown vehicle "v9"',
      },
    ]);
  });

  it("an assignment's unknown loop", () => {
    const report = validate((roster) => {
      roster.assignments[0].loopId = "e9/d9/p9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        personId: "w1",
        referenceKind: "loop",
        reference: "e9/d9/p9",
        path: ["assignments", 0, "loopId"],
        message: 'assignment 0 names unknown loop "e9/d9/p9"',
      },
    ]);
  });

  it("an assignment's unknown vehicle", () => {
    const report = validate((roster) => {
      roster.assignments[1].vehicleId = "v9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        personId: "w2",
        referenceKind: "vehicle",
        reference: "v9",
        path: ["assignments", 1, "vehicleId"],
        message: 'assignment 1 names unknown vehicle "v9"',
      },
    ]);
  });

  it("an assignment's unknown person", () => {
    const report = validate((roster) => {
      roster.assignments[2].personId = "ghost";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        personId: "ghost",
        referenceKind: "person",
        reference: "ghost",
        path: ["assignments", 2, "personId"],
        message: 'assignment 2 names unknown person "ghost"',
      },
    ]);
  });

  it("a trip's unknown origin, named by id in describeTrip too", () => {
    const report = validate((roster) => {
      roster.trips[0].from = "d9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        tripId: "T01",
        referenceKind: "site",
        reference: "d9",
        path: ["trips", 0, "from"],
        message: 'trip T01 names unknown site "d9"',
      },
    ]);
    expect(violationsOf(report, "vehicle-timing").map((v) => v.message)).toEqual([
      "trip T01 (2022-05-16 07:20 d9 → Plant One) is vehicle v1's first trip but leaves from d9, not from the loop's dormitory d1",
    ]);
  });

  it("a trip's unknown loop, vehicle, driver, destination and passenger, all at once", () => {
    const report = validate((roster) => {
      Object.assign(roster.trips[3], {
        loopId: "e9/d9/p9",
        vehicleId: "v9",
        driverId: "k9",
        to: "d9",
      });
      roster.trips[3].passengers.push({ personId: "ghost", seat: 4 });
    });
    const where = "trip T04";
    // In report order: the trip's own references by message, then the passenger's.
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        tripId: "T04",
        referenceKind: "driver",
        reference: "k9",
        path: ["trips", 3, "driverId"],
        message: `${where} names unknown driver "k9"`,
      },
      {
        code: "unknown-reference",
        tripId: "T04",
        referenceKind: "loop",
        reference: "e9/d9/p9",
        path: ["trips", 3, "loopId"],
        message: `${where} names unknown loop "e9/d9/p9"`,
      },
      {
        code: "unknown-reference",
        tripId: "T04",
        referenceKind: "site",
        reference: "d9",
        path: ["trips", 3, "to"],
        message: `${where} names unknown site "d9"`,
      },
      {
        code: "unknown-reference",
        tripId: "T04",
        referenceKind: "vehicle",
        reference: "v9",
        path: ["trips", 3, "vehicleId"],
        message: `${where} names unknown vehicle "v9"`,
      },
      {
        code: "unknown-reference",
        tripId: "T04",
        personId: "ghost",
        referenceKind: "person",
        reference: "ghost",
        path: ["trips", 3, "passengers", 0, "personId"],
        message: `${where} names unknown person "ghost"`,
      },
    ]);
  });

  it("a scenario vehicle with no roster entry, named as the vehicles list", () => {
    const report = validate((roster) => {
      roster.trips[3].vehicleId = "v2";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        tripId: "T04",
        referenceKind: "vehicle",
        reference: "v2",
        path: ["trips", 3, "vehicleId"],
        message: `trip T04 (the roster's vehicles list) names unknown vehicle "v2"`,
      },
    ]);
  });

  it("a test's unknown person and site", () => {
    const report = validate((roster) => {
      roster.tests[16].personId = "ghost";
      roster.tests[15].siteId = "d9";
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        personId: "ghost",
        referenceKind: "person",
        reference: "ghost",
        path: ["tests", 16, "personId"],
        message: 'test 16 names unknown person "ghost"',
      },
      {
        code: "unknown-reference",
        personId: "k1",
        referenceKind: "site",
        reference: "d9",
        path: ["tests", 15, "siteId"],
        message: 'test 15 names unknown site "d9"',
      },
    ]);
  });

  it("an unserved entry's unknown person", () => {
    const report = validate((roster) => {
      roster.unserved.push({ personId: "ghost", date: "2022-05-17", reason: "no-vehicle" });
    });
    expect(violationsOf(report, "unknown-reference")).toEqual([
      {
        code: "unknown-reference",
        personId: "ghost",
        date: "2022-05-17",
        referenceKind: "person",
        reference: "ghost",
        path: ["unserved", 0, "personId"],
        message: 'unserved entry 0 names unknown person "ghost"',
      },
    ]);
  });
});

describe("eligibility, exactly", () => {
  const ineligible = () =>
    scenarioWith((scenario) => {
      scenario.enterprises[0].closedHousing = false;
      scenario.enterprises[0].positiveCases = ["2022-05-10"];
    });

  it("joins every reason with '; ', and judges workers only (not a driver riding along)", () => {
    const report = validate((roster) => {
      roster.trips[0].passengers.push({ personId: "k1", seat: 5 });
    }, ineligible());
    const violations = violationsOf(report, "eligibility");
    expect(violations.map((v) => [v.tripId, v.personId])).toEqual([
      ["T01", "w1"],
      ["T01", "w2"],
      ["T03", "w3"],
      ["T07", "w1"],
      ["T07", "w2"],
      ["T09", "w3"],
    ]);
    expect(violations[0]).toEqual({
      code: "eligibility",
      tripId: "T01",
      personId: "w1",
      date: "2022-05-16",
      enterpriseId: "e1",
      message:
        "w1 boards trip T01 (2022-05-16 07:20 Dorm One → Plant One) to the plant, but enterprise e1 is not eligible on 2022-05-16: Enterprise One has no closed staff housing; positive case on 2022-05-10 is within the 14 quiet days before 2022-05-16",
    });
  });
});

describe("fixed-person, exactly", () => {
  it("a driver on a manifest: no assignment, and not a worker", () => {
    const report = validate((roster) => {
      roster.trips[3].passengers.push({ personId: "k1", seat: 5 });
    });
    expect(nonZero(report)).toEqual({ "fixed-person": 1 });
    expect(violationsOf(report, "fixed-person")).toEqual([
      {
        code: "fixed-person",
        personId: "k1",
        tripId: "T04",
        vehicleId: "v1",
        loopId: LOOP,
        date: "2022-05-16",
        reasons: ["unassigned", "not-staff-of-loop"],
        message:
          "k1 on trip T04 (2022-05-16 19:45 Plant One → Dorm One) has no assignment; is not staff of the loop (k1 is a driver, not a worker)",
      },
    ]);
  });

  it("an outsider's assignment lists every gap, comma-separated", () => {
    const report = validate((roster) => {
      roster.assignments.push({ personId: "x1", loopId: LOOP, vehicleId: "v1", seat: 5 });
    });
    expect(violationsOf(report, "fixed-person")).toEqual([
      {
        code: "fixed-person",
        personId: "x1",
        loopId: LOOP,
        vehicleId: "v1",
        path: ["assignments", 3],
        reasons: ["assignment-outside-loop"],
        message:
          "assignment of x1: x1 works for e2, lives in d2, works at p2, not on loop e1/d1/p1",
      },
    ]);
  });

  it("an assignment with two problems joins them with '; '", () => {
    const report = validate((roster) => {
      roster.loops.push({
        id: "e2/d2/p2",
        enterpriseId: "e2",
        dormitoryId: "d2",
        plantId: "p2",
        toPlant: { path: ["d", "a", "c", "e"], minutes: 25, km: 6.5 },
        toDormitory: { path: ["e", "c", "a", "d"], minutes: 25, km: 6.5 },
      });
      roster.assignments[0].loopId = "e2/d2/p2";
    });
    expect(nonZero(report)).toEqual({ "fixed-person": 1 });
    expect(violationsOf(report, "fixed-person")[0]?.message).toBe(
      "assignment of w1: w1 works for e1, lives in d1, works at p1, not on loop e2/d2/p2; vehicle v1 serves loop e1/d1/p1, not e2/d2/p2",
    );
  });
});

describe("fixed-route, exactly", () => {
  it("stays quiet when the declared km differ from the roads' by exactly KM_TOLERANCE", () => {
    const scenario = scenarioWith((s) => {
      s.roads.edges[0].km = 0; // a–b
      s.roads.edges[1].km = 0; // b–c
    });
    const report = validate((roster) => {
      roster.loops[0].toPlant.km = 0.001;
      roster.loops[0].toDormitory.km = 0;
    }, scenario);
    expect(report.ok).toBe(true);
  });

  it("rounds the measured km to the metre in its message", () => {
    const scenario = scenarioWith((s) => {
      s.roads.edges[0].km = 1.2345; // a–b: the routes measure 2.2345 km
    });
    const report = validateRoster(scenario, validRoster());
    expect(violationsOf(report, "fixed-route").map((v) => v.message)).toEqual([
      "loop e1/d1/p1's to-dormitory route declares 3 km, its roads measure 2.234",
      "loop e1/d1/p1's to-plant route declares 3 km, its roads measure 2.234",
    ]);
  });

  it("says the declared and measured km", () => {
    const report = validate((roster) => {
      roster.loops[0].toPlant.km = 4;
    });
    expect(violationsOf(report, "fixed-route").map((v) => v.message)).toEqual([
      "loop e1/d1/p1's to-plant route declares 4 km, its roads measure 3",
    ]);
  });

  it("joins a trip's other path and its duration with '; and '", () => {
    const report = validate((roster) => {
      roster.trips[6].path = ["a", "c"];
      roster.trips[6].arrive = at("2022-05-17T07:50");
    });
    expect(violationsOf(report, "fixed-route")).toEqual([
      {
        code: "fixed-route",
        tripId: "T07",
        loopId: LOOP,
        vehicleId: "v1",
        direction: "to-plant",
        date: "2022-05-17",
        reasons: ["other-path", "duration"],
        message:
          "trip T07 (2022-05-17 07:20 Dorm One → Plant One) follows a → c instead of the loop's a → b → c; and takes 30 minutes; the route allows 10–20",
      },
    ]);
  });

  it("words a single problem alone", () => {
    const report = validate((roster) => {
      roster.trips[6].arrive = at("2022-05-17T07:29");
    });
    expect(violationsOf(report, "fixed-route").map((v) => v.message)).toEqual([
      "trip T07 (2022-05-17 07:20 Dorm One → Plant One) takes 9 minutes; the route allows 10–20",
    ]);
  });
});

describe("fixed-testing, exactly", () => {
  it("a test at another site lacks no kind of its own", () => {
    const report = validate((roster) => {
      roster.tests[16].siteId = "d2";
    });
    expect(violationsOf(report, "fixed-testing")).toEqual([
      {
        code: "fixed-testing",
        personId: "k1",
        siteId: "d2",
        date: "2022-05-17",
        path: ["tests", 16],
        missingKinds: [],
        reasons: ["other-site"],
        message: "k1's pcr test at 2022-05-17 06:00 is at d2, not at their dormitory d1",
      },
    ]);
  });

  it("lists varying times of day in clock order, not test order", () => {
    const report = validate((roster) => {
      const test = roster.tests.find(
        (t: any) => t.personId === "w3" && t.kind === "antigen" && t.at === at("2022-05-17T18:00"),
      );
      test.at = at("2022-05-17T17:30");
    });
    expect(violationsOf(report, "fixed-testing")).toEqual([
      {
        code: "fixed-testing",
        personId: "w3",
        missingKinds: [],
        reasons: ["varying-time"],
        message:
          "w3 takes antigen tests at 2 different times of day (17:30, 18:00); testing is at one fixed time",
      },
    ]);
  });

  it("an untested driver lacks every kind, joined with 'and'", () => {
    const report = validate((roster) => {
      roster.trips[0].driverId = "k2";
    });
    expect(violationsOf(report, "fixed-testing").map((v) => [v.missingKinds, v.message])).toEqual([
      [
        ["antigen", "pcr"],
        "driver k2 boards trip T01 (2022-05-16 07:20 Dorm One → Plant One) without a valid antigen and pcr test at their dormitory",
      ],
    ]);
  });
});

describe("fixed-vehicle, exactly", () => {
  it("joins both restrictions with '; '", () => {
    const scenario = scenarioWith((s) => {
      s.vehicles[0].enterpriseId = "e2";
      s.vehicles[0].dormitoryId = "d2";
    });
    const report = validateRoster(scenario, validRoster());
    expect(nonZero(report)).toEqual({ "fixed-vehicle": 1 });
    expect(violationsOf(report, "fixed-vehicle")[0]?.message).toBe(
      "vehicle v1 is reserved for enterprise e2 but serves loop e1/d1/p1; is reserved for dormitory d2 but serves loop e1/d1/p1 from d1",
    );
  });

  it("joins a trip's other loop and other driver with '; and '", () => {
    const report = validate((roster) => {
      roster.trips[3].loopId = "e9/d9/p9";
      roster.trips[3].driverId = "k2";
    });
    expect(violationsOf(report, "fixed-vehicle")).toEqual([
      {
        code: "fixed-vehicle",
        vehicleId: "v1",
        tripId: "T04",
        loopId: "e9/d9/p9",
        date: "2022-05-16",
        reasons: ["other-loop", "other-driver"],
        message:
          "trip T04 (2022-05-16 19:45 Plant One → Dorm One) runs loop e9/d9/p9, but vehicle v1 is fixed to loop e1/d1/p1; and is driven by k2, but vehicle v1's fixed driver is k1",
      },
    ]);
  });

  it("holds trips to a vehicle's first entry, not a later duplicate", () => {
    const report = validate((roster) => {
      roster.vehicles.push({ vehicleId: "v1", loopId: LOOP, driverId: "k2" });
    });
    expect(nonZero(report)).toEqual({ "fixed-vehicle": 1 });
    expect(violationsOf(report, "fixed-vehicle")[0]?.reasons).toEqual(["duplicate-entry"]);
  });
});

describe("vehicle-timing and trip order, exactly", () => {
  it("says 'after' for a gap of exactly 0 minutes", () => {
    const report = validate((roster) => {
      roster.trips[3].depart = at("2022-05-16T19:30");
      roster.trips[3].arrive = at("2022-05-16T19:40");
    });
    expect(violationsOf(report, "vehicle-timing").map((v) => v.message)).toEqual([
      "trip T04 (2022-05-16 19:30 Plant One → Dorm One) leaves 0 minutes after vehicle v1's previous trip T03 arrived; disinfection takes 15",
    ]);
  });

  it("joins a wrong origin and a short gap with '; and '", () => {
    const report = validate((roster) => {
      roster.trips[4].from = "p1";
      roster.trips[4].depart = at("2022-05-16T20:00");
      roster.trips[4].arrive = at("2022-05-16T20:10");
    });
    expect(violationsOf(report, "vehicle-timing")).toEqual([
      {
        code: "vehicle-timing",
        tripId: "T05",
        vehicleId: "v1",
        date: "2022-05-16",
        reasons: ["not-where-it-arrived", "no-time-to-disinfect"],
        message:
          "trip T05 (2022-05-16 20:00 Plant One → Plant One) leaves from p1, but vehicle v1's previous trip T04 arrived at d1; and leaves 5 minutes after vehicle v1's previous trip T04 arrived; disinfection takes 15",
      },
    ]);
  });

  it("orders a vehicle's trips by departure, not by arrival", () => {
    // T04 now departs 19:00 (before T03's 19:20) but still arrives 19:55 (after T03's 19:30).
    const report = validate((roster) => {
      roster.trips[3].depart = at("2022-05-16T19:00");
    });
    expect(violationsOf(report, "vehicle-timing").map((v) => v.message)).toEqual([
      "trip T03 (2022-05-16 19:20 Dorm One → Plant One) leaves 35 minutes before vehicle v1's previous trip T04 arrives",
      "trip T04 (2022-05-16 19:00 Plant One → Dorm One) leaves from p1, but vehicle v1's previous trip T02 arrived at d1",
      "trip T05 (2022-05-17 04:40 Dorm One → Plant One) leaves from d1, but vehicle v1's previous trip T03 arrived at p1",
    ]);
  });

  it("orders by time, not by trip id", () => {
    // Ids now run backwards in time: T12 first, T01 last.
    const report = validate((roster) => {
      roster.trips.forEach((trip: any, k: number) => {
        trip.id = `T${String(12 - k).padStart(2, "0")}`;
      });
    });
    expect(report.ok).toBe(true);
  });

  it.each([
    ["after", 4],
    ["before", 3],
  ])("breaks a tie on departure by arrival, with the extra trip listed %s T04", (_label, index) => {
    // T04b departs with T04 (19:45) but arrives 10 minutes later: it runs second.
    const report = validate((roster) => {
      const extra = {
        ...structuredClone(roster.trips[3]),
        id: "T04b",
        arrive: at("2022-05-16T20:05"),
      };
      roster.trips.splice(index, 0, extra);
    });
    expect(nonZero(report)).toEqual({ "vehicle-timing": 1 });
    expect(violationsOf(report, "vehicle-timing")[0]?.message).toBe(
      "trip T04b (2022-05-16 19:45 Plant One → Dorm One) leaves from p1, but vehicle v1's previous trip T04 arrived at d1; and leaves 10 minutes before vehicle v1's previous trip T04 arrives",
    );
  });
});

describe("driver, shift-coverage, dormitory-capacity, exactly", () => {
  it("joins a driver's two problems with 'and'", () => {
    const report = validate((roster) => {
      roster.trips[3].driverId = "x1";
    });
    expect(violationsOf(report, "driver").map((v) => v.message)).toEqual([
      "trip T04 (2022-05-16 19:45 Plant One → Dorm One)'s driver x1 is a worker, not a driver and lives in d2, outside loop e1/d1/p1 (dormitory d1)",
    ]);
  });

  it("joins both missing rides with 'and'", () => {
    const report = validate((roster) => {
      roster.trips[2].passengers = [];
      roster.trips[5].passengers = [];
    });
    expect(violationsOf(report, "shift-coverage")).toEqual([
      {
        code: "shift-coverage",
        personId: "w3",
        date: "2022-05-16",
        shiftId: "night",
        missing: ["to-plant", "to-dormitory"],
        message:
          "w3's night shift on 2022-05-16 has no ride to the plant in time for it and no ride home after it, and no unserved entry",
      },
    ]);
  });

  it("does not hold a driver with a schedule to shift coverage", () => {
    const scenario = scenarioWith((s) => {
      const k2 = s.staff.find((person: any) => person.id === "k2");
      k2.schedule = { cycle: ["day"], anchor: "2022-05-16" };
    });
    const report = validateRoster(scenario, validRoster());
    expect(report.ok).toBe(true);
  });

  it("says '1 bed', singular", () => {
    const scenario = scenarioWith((s) => {
      s.sites[0].beds = 1;
    });
    expect(violationsOf(validateRoster(scenario, validRoster()), "dormitory-capacity")).toEqual([
      {
        code: "dormitory-capacity",
        siteId: "d1",
        residents: 4,
        beds: 1,
        message: "Dorm One (d1) houses 4 staff in 1 bed",
      },
    ]);
  });
});
