/**
 * The manifests section: one printable manifest per vehicle and local date of departure —
 * one vehicle, one trip, one list (一車一趟一表): each trip with its local departure and
 * arrival, direction and stops, then its passengers by seat with id and name. In print,
 * each manifest starts a new page. On a large roster the first ones only, and where to get
 * the rest.
 */
import { vehicleCapacity } from "../../facts/capacity.js";
import type { Passenger, Trip } from "../../roster/schema.js";
import { type DayNumber, formatCivilDate } from "../../time/civil-date.js";
import { compareText } from "../../util/order.js";
import { localClockText } from "../local-text.js";
import { weekday } from "../numbers.js";
import { personName, type ReportContext } from "./context.js";
import { command, count, esc, leftOut, openSection, plural } from "./html.js";

/** Up to this many manifests are shown open on screen (of a roster not large); more get an index of links. */
const OPEN_MANIFESTS = 24;

const DIRECTION_TEXT = { "to-plant": "to plant", "to-dormitory": "to dormitory" } as const;

function bySeat(a: Passenger, b: Passenger): number {
  return a.seat - b.seat || compareText(a.personId, b.personId);
}

/** Pushes one vehicle's manifest for one day: `trips` are its trips that day in order. */
function manifest(
  context: ReportContext,
  id: string,
  day: DayNumber,
  trips: readonly number[],
  out: string[],
): void {
  const { model, days } = context;
  const first = days.trips[trips[0] as number] as Trip;
  const vehicle = model.vehicles.get(first.vehicleId);
  const capacity =
    vehicle === undefined
      ? undefined
      : vehicleCapacity(vehicle.seats, model.scenario.policy.loadFactor);
  const seatsPerRow = vehicle?.seatsPerRow ?? 4;
  const date = formatCivilDate(day);
  const siteName = (id: string) => esc(model.sites.get(id)?.name ?? id);
  out.push(
    `<section class="manifest" id="${id}" data-vehicle="${esc(first.vehicleId)}" data-date="${date}"><h3>Manifest · ${esc(first.vehicleId)}${vehicle?.plate === undefined ? "" : ` · ${esc(vehicle.plate)}`} · ${date} ${weekday(day)}</h3>`,
    `<p class="muted">Loop <span class="id">${esc(first.loopId)}</span> · ${vehicle === undefined ? "vehicle not in the scenario" : `${vehicle.seats} seats, capacity ${capacity}`} · ${plural(trips.length, "trip")} · <a class="back" href="#manifests">all manifests</a></p>`,
    '<table class="manifest-table"><thead><tr><th scope="col">seat</th><th scope="col">row</th><th scope="col">person</th><th scope="col">name</th></tr></thead>',
  );
  for (const t of trips) {
    const trip = days.trips[t] as Trip;
    const depart = localClockText(days.clock, days.departMs[t] as number, day);
    const arrive = localClockText(days.clock, days.arriveMs[t] as number, day);
    const driver = personName(context, trip.driverId);
    out.push(
      `<tbody class="trip" data-trip="${esc(trip.id)}"><tr class="trip-head"><th colspan="4" scope="rowgroup"><span class="id">${esc(trip.id)}</span> · <span class="direction ${trip.direction}">${DIRECTION_TEXT[trip.direction]}</span> · ${siteName(trip.from)} → ${siteName(trip.to)} · depart <time>${depart}</time> · arrive <time>${arrive}</time> · ${trip.passengers.length}/${capacity ?? "?"} · driver ${esc(trip.driverId)}${driver === "" ? "" : ` ${esc(driver)}`}</th></tr>`,
    );
    if (trip.passengers.length === 0)
      out.push('<tr><td colspan="4" class="muted">empty run: no passengers</td></tr>');
    for (const passenger of [...trip.passengers].sort(bySeat))
      out.push(
        `<tr><td class="num">${passenger.seat}</td><td class="num">${Math.ceil(passenger.seat / seatsPerRow)}</td><td>${esc(passenger.personId)}</td><td>${esc(personName(context, passenger.personId))}</td></tr>`,
      );
    out.push("</tbody>");
  }
  out.push("</table></section>");
}

/** Pushes the manifests section. */
export function renderManifests(context: ReportContext, out: string[]): void {
  const { days, limits } = context;
  openSection(out, "manifests", "Manifests per vehicle and day");
  out.push(
    "<p>One vehicle · one trip · one list. Times are local; <code>+1</code> marks an arrival after midnight. In print, each manifest starts on a new page.</p>",
  );
  // Each vehicle-day: its date and its trips (a run of the day's list, which comes by vehicle).
  const groups: { day: DayNumber; trips: readonly number[] }[] = [];
  for (let day = days.firstDay; day <= days.lastDay; day++) {
    const list = days.tripsOn(day);
    let begin = 0;
    while (begin < list.length) {
      const vehicleId = (days.trips[list[begin] as number] as Trip).vehicleId;
      let end = begin + 1;
      while (end < list.length && (days.trips[list[end] as number] as Trip).vehicleId === vehicleId)
        end++;
      groups.push({ day, trips: list.slice(begin, end) });
      begin = end;
    }
  }
  const shown = groups.slice(0, limits.manifests);
  if (groups.length > shown.length) {
    let trips = 0;
    let boardings = 0;
    for (const group of groups.slice(shown.length))
      for (const t of group.trips) {
        trips++;
        boardings += (days.trips[t] as Trip).passengers.length;
      }
    leftOut(
      out,
      `this roster is large, so this page prints the first ${plural(shown.length, "vehicle-day manifest")} of ${count(groups.length)}; ${plural(groups.length - shown.length, "more manifest")} (${plural(trips, "trip")}, ${plural(boardings, "boarding")}) are not here. Every boarding, one row each by departure: the <code>manifests.csv</code> that <code>plan</code> writes, or ${command("closed-loop-commute export csv scenario.json roster.json --out manifests.csv")}.`,
    );
  }
  if (groups.length === 0) out.push("<p>No trips: no manifests.</p>");
  // Many manifests: on screen an index of links, each opening its manifest (`:target`, no
  // script) and one link opening them all; in print every manifest, each on its own page.
  const collapsed = context.large || shown.length > OPEN_MANIFESTS;
  if (collapsed) {
    out.push(
      `<p>${plural(shown.length, "manifest")}: choose a vehicle and day below (the figure is its trips), or <a href="#all-manifests">show them all</a> (a long page). Printing prints them all.</p><div class="manifest-index">`,
    );
    let day: DayNumber | undefined;
    shown.forEach((group, k) => {
      if (group.day !== day) {
        if (day !== undefined) out.push("</p>");
        day = group.day;
        out.push(`<p><strong>${formatCivilDate(day)} ${weekday(day)}</strong> `);
      }
      const vehicleId = (days.trips[group.trips[0] as number] as Trip).vehicleId;
      out.push(
        `<span class="entry"><a href="#manifest-${k + 1}">${esc(vehicleId)}</a> <span class="muted">${group.trips.length}</span></span> `,
      );
    });
    out.push("</p></div>");
  }
  out.push(`<div id="all-manifests" class="manifest-list${collapsed ? " collapsed" : ""}">`);
  shown.forEach((group, k) => {
    manifest(context, `manifest-${k + 1}`, group.day, group.trips, out);
  });
  out.push("</div>");
  out.push("</section>");
}
