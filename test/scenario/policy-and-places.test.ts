/**
 * The newer scenario fields (SPEC §3): the policy's isolationDays, traceBackDays and
 * contactRows; site and road-node coordinates; `roads.nodes` ids; and the rule that the load
 * factor leaves every vehicle at least one usable seat (`floor(seats × loadFactor) ≥ 1`).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { safeParseScenario, vehicleCapacity } from "../../src/index.js";
import { minimalScenario } from "../fixtures/minimal-scenario.js";
import { accepted, expectIssue, rejection } from "./expect-issue.js";

describe("policy: isolationDays, traceBackDays, contactRows", () => {
  it("default to 14, 2 and absent", () => {
    const { policy } = accepted(() => {});
    expect(policy.isolationDays).toBe(14);
    expect(policy.traceBackDays).toBe(2);
    expect(policy.contactRows).toBeUndefined();
    expect("contactRows" in policy).toBe(false);
  });

  it("take the bounds: isolationDays 1..366, traceBackDays 0..366, contactRows from 0", () => {
    for (const [isolationDays, traceBackDays, contactRows] of [
      [1, 0, 0],
      [366, 366, 1],
      [7, 3, 12],
    ] as const) {
      const { policy } = accepted(
        (s) => (s.policy = { isolationDays, traceBackDays, contactRows }),
      );
      expect(policy).toMatchObject({ isolationDays, traceBackDays, contactRows });
    }
  });

  it("reject isolationDays that is not a positive whole number of days up to 366", () => {
    for (const bad of [0, -1, 1.5, 367, Number.NaN]) {
      expectIssue(
        rejection((s) => (s.policy = { isolationDays: bad })),
        ["policy", "isolationDays"],
        Number.isNaN(bad) ? "NaN" : String(bad),
      );
    }
  });

  it("reject traceBackDays below 0, fractional or over 366", () => {
    for (const bad of [-1, 2.5, 367]) {
      expectIssue(
        rejection((s) => (s.policy = { traceBackDays: bad })),
        ["policy", "traceBackDays"],
        String(bad),
      );
    }
    expectIssue(
      rejection((s) => (s.policy = { traceBackDays: "2" })),
      ["policy", "traceBackDays"],
      'expected number, got "2"',
    );
  });

  it("reject contactRows below 0, fractional or not a number", () => {
    for (const bad of [-1, 0.5, Infinity]) {
      expectIssue(
        rejection((s) => (s.policy = { contactRows: bad })),
        ["policy", "contactRows"],
        String(bad),
      );
    }
    expectIssue(
      rejection((s) => (s.policy = { contactRows: null })),
      ["policy", "contactRows"],
      "got null",
    );
  });
});

describe("site coordinates", () => {
  it("are optional, and kept when given as a pair inside the ranges", () => {
    const scenario = accepted((s) => {
      s.sites[0].lat = -90;
      s.sites[0].lon = 180;
      s.sites[1].lat = 30.72;
      s.sites[1].lon = -180;
    });
    expect(scenario.sites.map((site) => [site.lat, site.lon])).toEqual([
      [-90, 180],
      [30.72, -180],
    ]);
    expect(accepted(() => {}).sites[0]?.lat).toBeUndefined();
  });

  it("are rejected outside [-90, 90] and [-180, 180], naming the value", () => {
    expectIssue(
      rejection((s) => Object.assign(s.sites[0], { lat: 90.5, lon: 0 })),
      ["sites", 0, "lat"],
      "a latitude is at most 90 (got 90.5)",
    );
    expectIssue(
      rejection((s) => Object.assign(s.sites[1], { lat: -91, lon: 0 })),
      ["sites", 1, "lat"],
      "a latitude is at least -90 (got -91)",
    );
    expectIssue(
      rejection((s) => Object.assign(s.sites[0], { lat: 0, lon: 180.01 })),
      ["sites", 0, "lon"],
      "a longitude is at most 180 (got 180.01)",
    );
    expectIssue(
      rejection((s) => Object.assign(s.sites[0], { lat: 0, lon: -200 })),
      ["sites", 0, "lon"],
      "a longitude is at least -180 (got -200)",
    );
    expectIssue(
      rejection((s) => Object.assign(s.sites[0], { lat: "30.7", lon: 121 })),
      ["sites", 0, "lat"],
      'expected number, got "30.7"',
    );
  });

  it("are rejected when only one of the pair is given", () => {
    expectIssue(
      rejection((s) => (s.sites[0].lat = 30.7)),
      ["sites", 0, "lon"],
      'site "d1" gives lat without lon',
    );
    expectIssue(
      rejection((s) => (s.sites[1].lon = 121.3)),
      ["sites", 1, "lat"],
      'site "p1" gives lon without lat',
    );
  });
});

describe("roads.nodes", () => {
  const nodes = [
    { id: "a", lat: 30.7, lon: 121.3 },
    { id: "b", lat: 30.8, lon: 121.4 },
  ];

  it("are optional, and kept when given", () => {
    expect(accepted((s) => (s.roads.nodes = nodes)).roads.nodes).toEqual(nodes);
    expect(accepted((s) => (s.roads.nodes = [])).roads.nodes).toEqual([]);
    expect(accepted(() => {}).roads.nodes).toBeUndefined();
    // Some nodes only: the others have no position.
    expect(accepted((s) => (s.roads.nodes = [nodes[0]])).roads.nodes).toHaveLength(1);
  });

  it("reject a duplicate id, naming where it was first", () => {
    const error = rejection((s) => (s.roads.nodes = [...nodes, { id: "a", lat: 0, lon: 0 }]));
    expectIssue(
      error,
      ["roads", "nodes", 2, "id"],
      'duplicate node id "a" (first at roads.nodes[0])',
    );
    expect(error.issues).toHaveLength(1);
  });

  it("reject a node on no road edge", () => {
    expectIssue(
      rejection((s) => (s.roads.nodes = [...nodes, { id: "q", lat: 0, lon: 0 }])),
      ["roads", "nodes", 2, "id"],
      'node "q" is on no road edge',
    );
  });

  it("reject a position out of range, missing, or a misspelt key", () => {
    expectIssue(
      rejection((s) => (s.roads.nodes = [{ id: "a", lat: 95, lon: 0 }])),
      ["roads", "nodes", 0, "lat"],
      "(got 95)",
    );
    expectIssue(
      rejection((s) => (s.roads.nodes = [{ id: "a", lat: 0, lon: -181 }])),
      ["roads", "nodes", 0, "lon"],
      "(got -181)",
    );
    expectIssue(
      rejection((s) => (s.roads.nodes = [{ id: "a", lat: 0 }])),
      ["roads", "nodes", 0, "lon"],
      'missing required field "lon"',
    );
    expectIssue(
      rejection((s) => (s.roads.nodes = [{ id: "a", lat: 0, lng: 0, lon: 0 }])),
      ["roads", "nodes", 0, "lng"],
      'unknown key "lng"',
    );
    expectIssue(
      rejection((s) => (s.roads.nodes = [{ id: "", lat: 0, lon: 0 }])),
      ["roads", "nodes", 0, "id"],
      "an id must not be empty",
    );
  });
});

describe("a load factor that leaves a vehicle no usable seat", () => {
  it("is an error at the vehicle's seats, naming the vehicle and the arithmetic", () => {
    const error = rejection((s) => {
      s.policy = { loadFactor: 0.01 };
      s.vehicles = [
        { id: "V1", seats: 100 },
        { id: "V3", seats: 45 },
      ];
    });
    expect(error.issues).toEqual([
      {
        path: ["vehicles", 1, "seats"],
        message:
          'vehicle "V3" has 45 seats: at loadFactor 0.01 it can carry nobody (floor(45 × 0.01) = 0)',
      },
    ]);
    expect(error.message).toContain("→ at vehicles[1].seats");
  });

  it("applies the default load factor 0.5 when the policy gives none", () => {
    expectIssue(
      rejection((s) => (s.vehicles[0].seats = 1)),
      ["vehicles", 0, "seats"],
      'vehicle "v1" has 1 seat: at loadFactor 0.5 it can carry nobody (floor(1 × 0.5) = 0)',
    );
    expect(accepted((s) => (s.vehicles[0].seats = 2)).vehicles[0]?.seats).toBe(2);
    expect(
      accepted((s) => {
        s.vehicles[0].seats = 1;
        s.policy = { loadFactor: 1 };
      }).vehicles[0]?.seats,
    ).toBe(1);
  });

  it("is not reported on top of a malformed load factor or seat count", () => {
    const badFactor = rejection((s) => (s.policy = { loadFactor: 0 }));
    expect(badFactor.issues.map((issue) => issue.path)).toEqual([["policy", "loadFactor"]]);
    const badSeats = rejection((s) => (s.vehicles[0].seats = 0.5));
    expect(badSeats.issues.map((issue) => issue.path)).toEqual([["vehicles", 0, "seats"]]);
    expect(badSeats.issues[0]?.message).not.toContain("carry nobody");
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 80 }),
      fc.oneof(
        fc.integer({ min: 1, max: 100 }).map((percent) => percent / 100),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
      ),
    ],
    { numRuns: 200 },
  )("a scenario parses exactly when floor(seats × loadFactor) ≥ 1", (seats, loadFactor) => {
    const input = {
      ...minimalScenario(),
      policy: { loadFactor },
      vehicles: [{ id: "v1", seats }],
    };
    const result = safeParseScenario(input);
    expect(result.success).toBe(vehicleCapacity(seats, loadFactor) >= 1);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]?.path).toEqual(["vehicles", 0, "seats"]);
    }
  });
});
