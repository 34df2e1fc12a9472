/**
 * unknown-reference: every id the roster uses names something in the scenario (person,
 * vehicle, driver, site, enterprise) or in the roster itself (loop, vehicle entry).
 * Guards all five fixes: a rule cannot judge what it cannot find.
 */
import type { ViolationKey } from "../report.js";
import type { Rule } from "../rule.js";
import type { UnknownReferenceViolation } from "../violations.js";

type Kind = UnknownReferenceViolation["referenceKind"];
type Ids = Pick<UnknownReferenceViolation, "tripId" | "personId" | "vehicleId" | "loopId" | "date">;

/**
 * The key of an unknown passenger's violation, reused from boarding to boarding (a trip may
 * carry a million unknown ids): its path is built only when read.
 */
class PassengerKey implements ViolationKey {
  tripId = "";
  personId = "";
  trip = 0;
  place = 0;
  get path(): (string | number)[] {
    return ["trips", this.trip, "passengers", this.place, "personId"];
  }
}

export const checkUnknownReferences: Rule<"unknown-reference"> = (context, emit) => {
  const { model, roster, loops, vehicleEntries } = context;
  // Called only for a reference that is missing: the hot path allocates nothing, and a
  // violation the report will not list is counted without words.
  const missing = (
    kind: Kind,
    reference: string,
    path: (string | number)[],
    where: string,
    ids: Ids,
  ) => {
    if (emit.unlisted({ ...ids, path })) return;
    emit({
      ...ids,
      code: "unknown-reference",
      referenceKind: kind,
      reference,
      path,
      message: `${where} names unknown ${kind} ${JSON.stringify(reference)}`,
    });
  };
  const { staff, sites, vehicles, enterprises } = model;

  roster.loops.forEach((loop, i) => {
    const ids = { loopId: loop.id };
    const where = `loop ${loop.id}`;
    const mixedLoop = loop.enterpriseId === "*" && context.policy.mixEnterprises;
    if (!mixedLoop && !enterprises.has(loop.enterpriseId)) {
      missing("enterprise", loop.enterpriseId, ["loops", i, "enterpriseId"], where, ids);
    }
    if (!sites.has(loop.dormitoryId))
      missing("site", loop.dormitoryId, ["loops", i, "dormitoryId"], where, ids);
    if (!sites.has(loop.plantId))
      missing("site", loop.plantId, ["loops", i, "plantId"], where, ids);
  });

  roster.vehicles.forEach((entry, i) => {
    const ids = { vehicleId: entry.vehicleId };
    const where = `vehicle entry ${i} (${entry.vehicleId})`;
    if (!vehicles.has(entry.vehicleId))
      missing("vehicle", entry.vehicleId, ["vehicles", i, "vehicleId"], where, ids);
    if (!loops.has(entry.loopId))
      missing("loop", entry.loopId, ["vehicles", i, "loopId"], where, ids);
    if (!staff.has(entry.driverId))
      missing("driver", entry.driverId, ["vehicles", i, "driverId"], where, ids);
  });

  roster.assignments.forEach((assignment, i) => {
    const ids = { personId: assignment.personId };
    const where = `assignment ${i}`;
    if (!staff.has(assignment.personId))
      missing("person", assignment.personId, ["assignments", i, "personId"], where, ids);
    if (!loops.has(assignment.loopId))
      missing("loop", assignment.loopId, ["assignments", i, "loopId"], where, ids);
    if (!vehicles.has(assignment.vehicleId)) {
      missing("vehicle", assignment.vehicleId, ["assignments", i, "vehicleId"], where, ids);
    }
  });

  const { people, boardingStart, boardingPerson, tripDriver } = roster;
  const passenger = new PassengerKey();
  // The words of a report are built only when one is made: trips are many.
  const inTrip = (tripId: string, i: number, kind: Kind, reference: string, field: string) =>
    missing(kind, reference, ["trips", i, field], `trip ${tripId}`, { tripId });
  roster.trips.forEach((trip, i) => {
    if (!loops.has(trip.loopId)) inTrip(trip.id, i, "loop", trip.loopId, "loopId");
    if (!vehicles.has(trip.vehicleId)) inTrip(trip.id, i, "vehicle", trip.vehicleId, "vehicleId");
    else if (!vehicleEntries.has(trip.vehicleId)) {
      missing(
        "vehicle",
        trip.vehicleId,
        ["trips", i, "vehicleId"],
        `trip ${trip.id} (the roster's vehicles list)`,
        { tripId: trip.id },
      );
    }
    if (!people.isKnown(tripDriver[i] as number))
      inTrip(trip.id, i, "driver", trip.driverId, "driverId");
    if (!sites.has(trip.from)) inTrip(trip.id, i, "site", trip.from, "from");
    if (!sites.has(trip.to)) inTrip(trip.id, i, "site", trip.to, "to");
    const first = boardingStart[i] as number;
    const end = boardingStart[i + 1] as number;
    for (let b = first; b < end; b++) {
      const person = boardingPerson[b] as number;
      if (people.isKnown(person)) continue;
      passenger.tripId = trip.id;
      passenger.personId = people.idOf(person);
      passenger.trip = i;
      passenger.place = b - first;
      if (emit.unlisted(passenger)) continue;
      const { personId, path } = passenger;
      missing("person", personId, path, `trip ${trip.id}`, { tripId: trip.id, personId });
    }
  });

  const { tests } = roster;
  for (let t = 0; t < tests.length; t++) {
    const person = tests.person[t] as number;
    const site = tests.site[t] as number;
    if (!people.isKnown(person)) {
      const personId = people.idOf(person);
      missing("person", personId, ["tests", t, "personId"], `test ${t}`, { personId });
    }
    if (!tests.sites.isKnown(site)) {
      const ids = { personId: people.idOf(person) };
      missing("site", tests.sites.idOf(site), ["tests", t, "siteId"], `test ${t}`, ids);
    }
  }

  roster.unserved.forEach((entry, i) => {
    if (staff.has(entry.personId)) return;
    const ids = { personId: entry.personId, date: entry.date };
    missing("person", entry.personId, ["unserved", i, "personId"], `unserved entry ${i}`, ids);
  });
};
