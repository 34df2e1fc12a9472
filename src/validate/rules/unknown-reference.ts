/**
 * unknown-reference: every id the roster uses names something in the scenario (person,
 * vehicle, driver, site, enterprise) or in the roster itself (loop, vehicle entry).
 * Guards all five fixes: a rule cannot judge what it cannot find.
 */
import type { Rule } from "../rule.js";
import type { UnknownReferenceViolation } from "../violations.js";

type Kind = UnknownReferenceViolation["referenceKind"];

export const checkUnknownReferences: Rule<"unknown-reference"> = (context, emit) => {
  const { model, roster, loops, vehicleEntries } = context;
  const check = (
    known: boolean,
    kind: Kind,
    reference: string,
    path: (string | number)[],
    where: string,
    ids: Partial<UnknownReferenceViolation> = {},
  ) => {
    if (known) return;
    emit({
      ...ids,
      code: "unknown-reference",
      referenceKind: kind,
      reference,
      path,
      message: `${where} names unknown ${kind} ${JSON.stringify(reference)}`,
    });
  };
  const person = (id: string) => model.staff.has(id);
  const site = (id: string) => model.sites.has(id);
  const vehicle = (id: string) => model.vehicles.has(id);

  roster.loops.forEach((loop, i) => {
    const where = `loop ${loop.id}`;
    if (loop.enterpriseId !== "*")
      check(
        model.enterprises.has(loop.enterpriseId),
        "enterprise",
        loop.enterpriseId,
        ["loops", i, "enterpriseId"],
        where,
        { loopId: loop.id },
      );
    check(site(loop.dormitoryId), "site", loop.dormitoryId, ["loops", i, "dormitoryId"], where, {
      loopId: loop.id,
    });
    check(site(loop.plantId), "site", loop.plantId, ["loops", i, "plantId"], where, {
      loopId: loop.id,
    });
  });
  roster.vehicles.forEach((entry, i) => {
    const where = `vehicle entry ${i} (${entry.vehicleId})`;
    check(
      vehicle(entry.vehicleId),
      "vehicle",
      entry.vehicleId,
      ["vehicles", i, "vehicleId"],
      where,
      { vehicleId: entry.vehicleId },
    );
    check(loops.has(entry.loopId), "loop", entry.loopId, ["vehicles", i, "loopId"], where, {
      vehicleId: entry.vehicleId,
    });
    check(person(entry.driverId), "driver", entry.driverId, ["vehicles", i, "driverId"], where, {
      vehicleId: entry.vehicleId,
    });
  });
  roster.assignments.forEach((assignment, i) => {
    const where = `assignment ${i}`;
    const ids = { personId: assignment.personId };
    check(
      person(assignment.personId),
      "person",
      assignment.personId,
      ["assignments", i, "personId"],
      where,
      ids,
    );
    check(
      loops.has(assignment.loopId),
      "loop",
      assignment.loopId,
      ["assignments", i, "loopId"],
      where,
      ids,
    );
    check(
      vehicle(assignment.vehicleId),
      "vehicle",
      assignment.vehicleId,
      ["assignments", i, "vehicleId"],
      where,
      ids,
    );
  });
  roster.trips.forEach((trip, i) => {
    const where = `trip ${trip.id}`;
    const ids = { tripId: trip.id };
    check(loops.has(trip.loopId), "loop", trip.loopId, ["trips", i, "loopId"], where, ids);
    check(
      vehicle(trip.vehicleId),
      "vehicle",
      trip.vehicleId,
      ["trips", i, "vehicleId"],
      where,
      ids,
    );
    if (vehicle(trip.vehicleId)) {
      check(
        vehicleEntries.has(trip.vehicleId),
        "vehicle",
        trip.vehicleId,
        ["trips", i, "vehicleId"],
        `${where} (the roster's vehicles list)`,
        ids,
      );
    }
    check(person(trip.driverId), "driver", trip.driverId, ["trips", i, "driverId"], where, ids);
    check(site(trip.from), "site", trip.from, ["trips", i, "from"], where, ids);
    check(site(trip.to), "site", trip.to, ["trips", i, "to"], where, ids);
    trip.passengers.forEach((passenger, j) => {
      check(
        person(passenger.personId),
        "person",
        passenger.personId,
        ["trips", i, "passengers", j, "personId"],
        where,
        { ...ids, personId: passenger.personId },
      );
    });
  });
  roster.tests.forEach((test, i) => {
    const ids = { personId: test.personId };
    check(
      person(test.personId),
      "person",
      test.personId,
      ["tests", i, "personId"],
      `test ${i}`,
      ids,
    );
    check(site(test.siteId), "site", test.siteId, ["tests", i, "siteId"], `test ${i}`, ids);
  });
  roster.unserved.forEach((entry, i) => {
    check(
      person(entry.personId),
      "person",
      entry.personId,
      ["unserved", i, "personId"],
      `unserved entry ${i}`,
      { personId: entry.personId, date: entry.date },
    );
  });
};
