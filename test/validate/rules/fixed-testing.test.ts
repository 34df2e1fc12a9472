import { describe, expect, it } from "vitest";
import { type Roster, type ScenarioInput, validateRoster } from "../../../src/index.js";
import { fixtureScenario, validRoster } from "../../fixtures/valid-roster.js";
import { local, nonZero, tripOf, violationsOf } from "../report-helpers.js";

function testOf(roster: Roster, personId: string, kind: string, at: string) {
  const test = roster.tests.find(
    (t) => t.personId === personId && t.kind === kind && t.at === local(at),
  );
  if (test === undefined) throw new Error(`no ${kind} test of ${personId} at ${at}`);
  return test;
}

function testingPoint(scenario: ScenarioInput) {
  const point = scenario.sites.find((site) => site.id === "d1")?.testing;
  if (point === undefined) throw new Error("d1 has no testing point");
  return point;
}

describe("fixed-testing", () => {
  it("fires when the driver's antigen test is deleted, for each of their boardings it covered, empty runs included", () => {
    // Arrange: k1's antigen of 05-16 06:00 covered every trip until the next one (05-17 06:00).
    const roster = structuredClone(validRoster());
    const deleted = testOf(roster, "k1", "antigen", "2022-05-16T06:00");
    roster.tests = roster.tests.filter((t) => t !== deleted);

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: T01–T06 (T04 and T05 are empty runs: the driver boards them too)
    expect(report.counts["fixed-testing"]).toBe(6);
    expect(nonZero(report)).toEqual({ "fixed-testing": 6 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => v.tripId)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06"]);
    for (const v of found) {
      expect(v.personId).toBe("k1");
      expect(v.vehicleId).toBe("v1");
      expect(v.missingKinds).toEqual(["antigen"]);
      expect(v.reasons).toEqual(["no-valid-test"]);
    }
    expect(found.map((v) => v.date)).toEqual([
      "2022-05-16",
      "2022-05-16",
      "2022-05-16",
      "2022-05-16",
      "2022-05-17",
      "2022-05-17",
    ]);
    const emptyRun = found.find((v) => v.tripId === "T04");
    expect(emptyRun?.message).toContain("driver k1");
    expect(emptyRun?.message).toContain("trip T04 (2022-05-16 19:45");
    expect(emptyRun?.message).toContain("antigen");
  });

  it("fires when a worker's pcr test is deleted, for each boarding it covered", () => {
    // Arrange: w3's pcr of 05-16 12:00 is the only one before T03 (19:20) and T06 (05-17 05:10).
    const roster = structuredClone(validRoster());
    const deleted = testOf(roster, "w3", "pcr", "2022-05-16T12:00");
    roster.tests = roster.tests.filter((t) => t !== deleted);

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(2);
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => [v.tripId, v.personId, v.date])).toEqual([
      ["T03", "w3", "2022-05-16"],
      ["T06", "w3", "2022-05-17"],
    ]);
    for (const v of found) {
      expect(v.missingKinds).toEqual(["pcr"]);
      expect(v.message).toContain("passenger w3");
      expect(v.message).toContain(`trip ${v.tripId}`);
      expect(v.message).toContain("pcr");
    }
  });

  it("fires when the latest test is older than validHours at departure", () => {
    // Arrange: w1's pcr of 05-15 06:30 moves a day back (same time of day): at T01
    // (05-16 07:20) it is 48 h 50 min old, and the pcr of 05-16 06:30 is not out yet.
    const roster = structuredClone(validRoster());
    testOf(roster, "w1", "pcr", "2022-05-15T06:30").at = local("2022-05-14T06:30");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "fixed-testing": 1 });
    const [v] = violationsOf(report, "fixed-testing");
    expect(v).toMatchObject({
      tripId: "T01",
      personId: "w1",
      vehicleId: "v1",
      date: "2022-05-16",
      missingKinds: ["pcr"],
      reasons: ["no-valid-test"],
    });
    expect(v?.message).toContain("passenger w1");
    expect(v?.message).toContain("trip T01 (2022-05-16 07:20");
    expect(v?.message).toContain("pcr");
  });

  it("stays quiet when the only test is exactly validHours old at departure", () => {
    // Arrange: T06 (w3 home) leaves at 06:00, exactly 24 h after k1's antigen of 05-16 06:00
    // (the one of 05-17 06:00 is not out until 06:30). 06:00 is also end + maxWait for w3.
    const roster = structuredClone(validRoster());
    const t06 = tripOf(roster, "T06");
    t06.depart = local("2022-05-17T06:00");
    t06.arrive = local("2022-05-17T06:10");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when a result is not out yet (test less than resultMinutes before departure)", () => {
    // Arrange: T01 leaves at 06:59, 29 minutes after w1's and w2's antigen at 06:30
    // (result in 30 minutes); there is no earlier antigen.
    const roster = structuredClone(validRoster());
    const t01 = tripOf(roster, "T01");
    t01.depart = local("2022-05-16T06:59");
    t01.arrive = local("2022-05-16T07:09");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: k1's antigen at 06:00 is out; the workers' are not
    expect(report.counts["fixed-testing"]).toBe(2);
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => [v.tripId, v.personId])).toEqual([
      ["T01", "w1"],
      ["T01", "w2"],
    ]);
    for (const v of found) {
      expect(v.missingKinds).toEqual(["antigen"]);
      expect(v.date).toBe("2022-05-16");
      expect(v.message).toContain(`passenger ${v.personId}`);
      expect(v.message).toContain("trip T01 (2022-05-16 06:59");
      expect(v.message).toContain("antigen");
    }
  });

  it("stays quiet when the result is out exactly resultMinutes before departure", () => {
    // Arrange: T01 leaves at 07:00, exactly 30 minutes after the antigen tests at 06:30.
    const roster = structuredClone(validRoster());
    const t01 = tripOf(roster, "T01");
    t01.depart = local("2022-05-16T07:00");
    t01.arrive = local("2022-05-16T07:10");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when a person's tests of one kind are at different times of day", () => {
    // Arrange: w1's antigen of 05-17 moves from 06:30 to 06:45 (still valid for T07 at 07:20).
    const roster = structuredClone(validRoster());
    testOf(roster, "w1", "antigen", "2022-05-17T06:30").at = local("2022-05-17T06:45");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "fixed-testing": 1 });
    const [v] = violationsOf(report, "fixed-testing");
    expect(v).toMatchObject({ personId: "w1", reasons: ["varying-time"], missingKinds: [] });
    expect(v?.message).toContain("w1");
    expect(v?.message).toContain("antigen");
    expect(v?.message).toContain("2 different times of day (06:30, 06:45)");
  });

  it("stays quiet when a person's tests of different kinds are at different times of day", () => {
    // Arrange: w3 takes antigen at 18:00 and pcr at 12:00 each day; a third antigen, on
    // another day at the same 18:00, changes nothing.
    const roster = structuredClone(validRoster());
    roster.tests.push({
      personId: "w3",
      siteId: "d1",
      kind: "antigen",
      at: local("2022-05-18T18:00"),
    });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when a test is at another site than the person's dormitory", () => {
    // Arrange: k1's pcr of 05-17 06:00 (not needed by any boarding) is taken at d2.
    const roster = structuredClone(validRoster());
    testOf(roster, "k1", "pcr", "2022-05-17T06:00").siteId = "d2";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "fixed-testing": 1 });
    const [v] = violationsOf(report, "fixed-testing");
    expect(v).toMatchObject({
      personId: "k1",
      siteId: "d2",
      date: "2022-05-17",
      reasons: ["other-site"],
      path: ["tests", 16],
    });
    expect(v?.message).toContain("k1's pcr test at 2022-05-17 06:00");
    expect(v?.message).toContain("is at d2, not at their dormitory d1");
  });

  it("fires when a test at another site leaves a boarding without a valid test", () => {
    // Arrange: w1's pcr of 05-15 06:30 is taken at d2; it was the one T01 relied on.
    const roster = structuredClone(validRoster());
    testOf(roster, "w1", "pcr", "2022-05-15T06:30").siteId = "d2";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: the test itself, and w1's boarding of T01
    expect(report.counts["fixed-testing"]).toBe(2);
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => [v.reasons, v.personId, v.siteId, v.tripId])).toEqual([
      [["other-site"], "w1", "d2", undefined],
      [["no-valid-test"], "w1", undefined, "T01"],
    ]);
  });

  it("fires when a third person tests in a slot that takes two", () => {
    // Arrange: w1 and w2 fill d1's 05-16 06:30 slot (perSlot 2); k1 adds a pcr there. k1
    // normally tests at 06:00, so the time-of-day clause fires for k1 as well.
    const roster = structuredClone(validRoster());
    roster.tests.push({ personId: "k1", siteId: "d1", kind: "pcr", at: local("2022-05-16T06:30") });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(2);
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    const slot = found.find((v) => v.reasons.includes("slot-full"));
    expect(slot).toMatchObject({ siteId: "d1", date: "2022-05-16", missingKinds: [] });
    expect(slot?.personId).toBeUndefined();
    expect(slot?.message).toContain(
      "d1's testing slot 2022-05-16 06:30 holds 3 people; it takes 2",
    );
    const varying = found.find((v) => v.reasons.includes("varying-time"));
    expect(varying?.personId).toBe("k1");
    expect(varying?.message).toContain("(06:00, 06:30)");
  });

  it("fires when a slot a year before the horizon holds a third person", () => {
    // Arrange: w1, w2 and k1 each add a pcr at 2021-05-16 06:30 (slots so far from the
    // horizon are counted apart from the others). k1 normally tests at 06:00.
    const roster = structuredClone(validRoster());
    for (const personId of ["w1", "w2", "k1"])
      roster.tests.push({ personId, siteId: "d1", kind: "pcr", at: local("2021-05-16T06:30") });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    const slot = found.find((v) => v.reasons.includes("slot-full"));
    expect(slot).toMatchObject({ siteId: "d1", date: "2021-05-16", missingKinds: [] });
    expect(slot?.message).toContain(
      "d1's testing slot 2021-05-16 06:30 holds 3 people; it takes 2",
    );
    expect(found.find((v) => v.reasons.includes("varying-time"))?.personId).toBe("k1");
  });

  it("fires when perSlot is lowered below the people in each slot", () => {
    // Arrange: perSlot 1; w1 and w2 share the 06:30 slot on 05-15, 05-16 and 05-17.
    const scenario = structuredClone(fixtureScenario());
    testingPoint(scenario).perSlot = 1;

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert: k1 (06:00) and w3 (12:00, 18:00) test alone
    expect(report.counts["fixed-testing"]).toBe(3);
    expect(nonZero(report)).toEqual({ "fixed-testing": 3 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => [v.siteId, v.date, v.reasons])).toEqual([
      ["d1", "2022-05-15", ["slot-full"]],
      ["d1", "2022-05-16", ["slot-full"]],
      ["d1", "2022-05-17", ["slot-full"]],
    ]);
    for (const v of found) {
      expect(v.message).toContain(`d1's testing slot ${v.date} 06:30 holds 2 people; it takes 1`);
    }
  });

  it("stays quiet when a slot holds exactly perSlot people, however many tests they take", () => {
    // Arrange: the 05-16 06:30 slot holds w1 and w2 (antigen + pcr each); w1 adds a third
    // test there. Four, then five tests, but two people: the slot is full, not over.
    const roster = structuredClone(validRoster());
    const inSlot = roster.tests.filter((t) => t.at === local("2022-05-16T06:30"));
    expect(inSlot).toHaveLength(4);
    roster.tests.push({
      personId: "w1",
      siteId: "d1",
      kind: "antigen",
      at: local("2022-05-16T06:30"),
    });

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when tests fall at or after the testing point's closing time", () => {
    // Arrange: d1's point closes at 18:00, the time of w3's antigen tests.
    const scenario = structuredClone(fixtureScenario());
    testingPoint(scenario).closes = "18:00";

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["fixed-testing"]).toBe(2);
    expect(nonZero(report)).toEqual({ "fixed-testing": 2 });
    const found = violationsOf(report, "fixed-testing");
    expect(found.map((v) => [v.personId, v.siteId, v.date, v.reasons])).toEqual([
      ["w3", "d1", "2022-05-16", ["outside-hours"]],
      ["w3", "d1", "2022-05-17", ["outside-hours"]],
    ]);
    for (const v of found) {
      expect(v.message).toContain(`w3's antigen test at ${v.date} 18:00`);
      expect(v.message).toContain("outside Dorm One's opening hours 05:30–18:00");
    }
  });

  it("fires when tests come before the testing point opens", () => {
    // Arrange: d1's point opens at 06:01; k1 tests at 06:00 (five tests).
    const scenario = structuredClone(fixtureScenario());
    testingPoint(scenario).opens = "06:01";

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["fixed-testing"]).toBe(5);
    expect(nonZero(report)).toEqual({ "fixed-testing": 5 });
    const found = violationsOf(report, "fixed-testing");
    for (const v of found) {
      expect(v).toMatchObject({ personId: "k1", siteId: "d1", reasons: ["outside-hours"] });
      expect(v.message).toContain(`k1's`);
      expect(v.message).toContain(`${v.date} 06:00`);
      expect(v.message).toContain("06:01–21:00");
    }
    expect(found.map((v) => v.date).sort()).toEqual([
      "2022-05-15",
      "2022-05-16",
      "2022-05-16",
      "2022-05-17",
      "2022-05-17",
    ]);
  });

  it("stays quiet when a test is at the very minute the testing point opens", () => {
    // Arrange: d1's point opens at 06:00, the time of k1's tests.
    const scenario = structuredClone(fixtureScenario());
    testingPoint(scenario).opens = "06:00";

    // Act
    const report = validateRoster(scenario, validRoster());

    // Assert
    expect(report.counts["fixed-testing"]).toBe(0);
    expect(report.ok).toBe(true);
  });

  it("fires when a test is of a kind the policy does not know", () => {
    // Arrange: k1's spare pcr of 05-17 06:00 becomes a "lamp" test.
    const roster = structuredClone(validRoster());
    testOf(roster, "k1", "pcr", "2022-05-17T06:00").kind = "lamp";

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert
    expect(report.counts["fixed-testing"]).toBe(1);
    expect(nonZero(report)).toEqual({ "fixed-testing": 1 });
    const [v] = violationsOf(report, "fixed-testing");
    expect(v).toMatchObject({
      personId: "k1",
      siteId: "d1",
      date: "2022-05-17",
      reasons: ["unknown-kind"],
    });
    expect(v?.message).toContain("k1's lamp test at 2022-05-17 06:00");
    expect(v?.message).toContain("(antigen, pcr)");
  });
  it("fires once per trip and person when the driver is also listed as a passenger", () => {
    // Arrange: k1 rides T04 as a passenger too, and has lost every test.
    const roster = structuredClone(validRoster());
    roster.trips.find((t) => t.id === "T04")?.passengers.push({ personId: "k1", seat: 3 });
    roster.tests = roster.tests.filter((t) => t.personId !== "k1");

    // Act
    const report = validateRoster(fixtureScenario(), roster);

    // Assert: one violation for (T04, k1), not one as driver and another as passenger.
    const onT04 = report.violations.filter((v) => v.code === "fixed-testing" && v.tripId === "T04");
    expect(onT04.map((v) => v.personId)).toEqual(["k1"]);
  });
});
