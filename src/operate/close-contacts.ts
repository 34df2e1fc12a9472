/**
 * The close contacts of one person (SPEC §7.1 `close`) by one pass over the roster: what a
 * positive case in `replan` needs. `traceContacts` answers the same through an index built
 * once per roster, which pays off over many calls but costs a re-plan more than its own work.
 */
import type { Roster } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import type { DayNumber } from "../time/civil-date.js";
import { parseInstant } from "../time/instant.js";
import { ZoneClock } from "../time/zone-clock.js";

/**
 * Ids of everyone who shared a trip departing in `[fromDay, toDay]` (local days) with the
 * person: its driver and its passengers, with `rows` only those within `rows` rows of the
 * person (every passenger when the person drove). Never the person themself.
 */
export function closeContactIds(
  model: ScenarioModel,
  roster: Roster,
  personId: string,
  fromDay: DayNumber,
  toDay: DayNumber,
  rows: number | undefined,
): Set<string> {
  const clock = new ZoneClock(model.zone);
  const close = new Set<string>();
  for (const trip of roster.trips) {
    const drove = trip.driverId === personId;
    const mySeats = drove
      ? []
      : trip.passengers.filter((p) => p.personId === personId).map((p) => p.seat);
    if (!drove && mySeats.length === 0) continue;
    const day = clock.dayOf(parseInstant(trip.depart) as number);
    if (day < fromDay || day > toDay) continue;
    const seatsPerRow = model.vehicles.get(trip.vehicleId)?.seatsPerRow ?? 4;
    const myRows = mySeats.map((seat) => Math.ceil(seat / seatsPerRow));
    if (!drove) close.add(trip.driverId);
    for (const { personId: other, seat } of trip.passengers) {
      if (other === personId) continue;
      const row = Math.ceil(seat / seatsPerRow);
      if (drove || rows === undefined || myRows.some((mine) => Math.abs(row - mine) <= rows))
        close.add(other);
    }
  }
  close.delete(personId);
  return close;
}
