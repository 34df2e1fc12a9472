/**
 * Draws one local date's vehicle timeline as SVG (SPEC §7.3): a row per vehicle that runs
 * that day, a bar per trip placed by local time (to-plant, to-dormitory and empty runs told
 * apart by fill and named in a legend), `passengers/capacity` written by each bar, the
 * disinfection gap after each trip, and an hour axis. Pieces are pushed onto `out`, so the
 * report can embed many timelines and join its page once.
 */
import { vehicleCapacity } from "../facts/capacity.js";
import type { Trip } from "../roster/schema.js";
import type { ScenarioModel } from "../scenario/model.js";
import { type DayNumber, formatCivilDate } from "../time/civil-date.js";
import { formatClockTime } from "../time/clock-time.js";
import { localInstant } from "../time/local-time.js";
import { escapeXml } from "./escape.js";
import { localClockText } from "./local-text.js";
import { formatCount, weekday } from "./numbers.js";
import type { RosterDays } from "./roster-days.js";
import { fitText, textWidth } from "./text-width.js";

/** Options of {@link drawTimeline}. */
export interface DrawTimelineOptions {
  /** With `xmlns` on the root, for a file of its own; without, to sit inside HTML. */
  standalone: boolean;
  /** Draw only the first this many vehicles (by id) and say how many were left out. */
  maxVehicles?: number | undefined;
}

/** What a bar stands for: a loaded run in either direction, or an empty run. */
export type BarKind = "to-plant" | "to-dormitory" | "empty";

/** Fill, outline and legend text of each kind of bar. */
export const BAR_STYLES: Readonly<
  Record<BarKind, { fill: string; stroke: string; dash?: string; legend: string }>
> = {
  "to-plant": { fill: "#2563eb", stroke: "#1e3a8a", legend: "to plant (loaded)" },
  "to-dormitory": { fill: "#ea8a0c", stroke: "#9a4f07", legend: "to dormitory (loaded)" },
  empty: { fill: "#ffffff", stroke: "#4b5563", dash: "3 2", legend: "empty run (no passengers)" },
};

/** The kind of bar a trip is drawn as. */
export function barKind(trip: Trip): BarKind {
  return trip.passengers.length === 0 ? "empty" : trip.direction;
}

const WIDTH = 1280;
const MARGIN = 16;
const HEADER = 96; // title, summary line, legend, hour labels
const ROW = 46; // label lane above the bar, the bar, label lane below
const BAR_TOP = 16;
const BAR_HEIGHT = 14;
const LOAD_FONT = 10;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MAX_HOURS = 48;

const round = (value: number) => Math.round(value * 10) / 10;

/** One vehicle's row: its id and its trips (indexes) of the day in departure order. */
interface VehicleRow {
  vehicleId: string;
  trips: number[];
}

function vehicleRows(tripIndexes: readonly number[], trips: readonly Trip[]): VehicleRow[] {
  const rows: VehicleRow[] = [];
  for (const t of tripIndexes) {
    const vehicleId = (trips[t] as Trip).vehicleId;
    const last = rows[rows.length - 1];
    if (last !== undefined && last.vehicleId === vehicleId) last.trips.push(t);
    else rows.push({ vehicleId, trips: [t] });
  }
  return rows;
}

/** Places labels in the lane above or below the bars, whichever is free first. */
class Lanes {
  private readonly ends = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  place(x: number, width: number): number {
    let lane = this.ends.findIndex((end) => x >= end + 4);
    if (lane === -1) lane = (this.ends[0] as number) <= (this.ends[1] as number) ? 0 : 1;
    this.ends[lane] = x + width;
    return lane;
  }
}

/**
 * Pushes the SVG of one date's timeline onto `out`.
 *
 * @param model - the scenario's indexes
 * @param days - the roster's trips by local date
 * @param day - the local date to draw
 * @param options - standalone or embedded, and an optional cap on the vehicles drawn
 * @param out - where the pieces of text go
 * @example
 * const out: string[] = [];
 * drawTimeline(model, rosterDays(model, roster), civilDay("2022-05-16"), { standalone: true }, out);
 * out.join("").startsWith("<svg") //=> true
 */
export function drawTimeline(
  model: ScenarioModel,
  days: RosterDays,
  day: DayNumber,
  options: DrawTimelineOptions,
  out: string[],
): void {
  const { trips, clock, departMs, arriveMs } = days;
  const policy = model.scenario.policy;
  const dayTrips = days.tripsOn(day);
  const allRows = vehicleRows(dayTrips, trips);
  const rows = options.maxVehicles !== undefined ? allRows.slice(0, options.maxVehicles) : allRows;
  const gapMs = policy.disinfectionMinutes * MS_PER_MINUTE;

  // The axis: local midnight to the next, longer when a trip (and its gap) ends later.
  const startMs = localInstant(day, 0, model.zone);
  const nextDayMs = localInstant(day + 1, 0, model.zone);
  let endMs = nextDayMs;
  for (const row of rows)
    for (const t of row.trips) endMs = Math.max(endMs, (arriveMs[t] as number) + gapMs);
  const hours = Math.min(MAX_HOURS, Math.ceil((endMs - startMs) / MS_PER_HOUR));
  endMs = startMs + hours * MS_PER_HOUR;

  // The label column fits the longest id or plate, within bounds.
  const labels = rows.map((row) => {
    const vehicle = model.vehicles.get(row.vehicleId);
    return {
      id: row.vehicleId,
      second: vehicle === undefined ? "(not in scenario)" : (vehicle.plate ?? ""),
      capacity:
        vehicle === undefined ? undefined : vehicleCapacity(vehicle.seats, policy.loadFactor),
    };
  });
  let labelWidth = 120;
  for (const label of labels)
    labelWidth = Math.max(labelWidth, textWidth(label.id, 12), textWidth(label.second, 11));
  labelWidth = Math.min(300, Math.ceil(labelWidth) + 16);
  const plotLeft = MARGIN + labelWidth;
  const plotRight = WIDTH - MARGIN - 16;
  const perMs = (plotRight - plotLeft) / (endMs - startMs);
  const xOf = (ms: number) => round(plotLeft + Math.max(0, Math.min(endMs, ms) - startMs) * perMs);

  const left = allRows.length - rows.length;
  const body = rows.length === 0 ? 40 : rows.length * ROW;
  const height = HEADER + body + (left > 0 ? 28 : 8);
  const date = formatCivilDate(day);
  let boardings = 0;
  let empty = 0;
  for (const t of dayTrips) {
    const count = (trips[t] as Trip).passengers.length;
    boardings += count;
    if (count === 0) empty++;
  }

  out.push(
    `<svg${options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ""} class="timeline" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif" role="img" aria-label="Vehicle timeline of ${date}" data-date="${date}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="22" font-size="16" font-weight="bold" fill="#111827">Vehicle timeline · ${date} (${weekday(day)}) · ${escapeXml(model.zone)} local time</text>`,
    `<text x="${MARGIN}" y="41" font-size="12" fill="#374151">${formatCount(allRows.length)} vehicle${allRows.length === 1 ? "" : "s"} · ${formatCount(dayTrips.length)} trips departing (${formatCount(empty)} empty) · ${formatCount(boardings)} boardings · n/m on a bar = passengers / capacity (floor(seats × load factor ${policy.loadFactor}))</text>`,
  );
  legend(out, policy.disinfectionMinutes);
  axis(out, { startMs, hours, nextDayMs, day, plotLeft, xOf, bottom: HEADER + body, clock });

  if (rows.length === 0)
    out.push(
      `<text x="${plotLeft}" y="${HEADER + 26}" font-size="13" fill="#374151">No trips depart on this date.</text>`,
    );
  rows.forEach((row, r) => {
    const top = HEADER + r * ROW;
    const label = labels[r] as (typeof labels)[number];
    if (r % 2 === 1)
      out.push(
        `<rect x="${MARGIN}" y="${top}" width="${WIDTH - 2 * MARGIN}" height="${ROW}" fill="#f3f4f6"/>`,
      );
    out.push(
      `<g class="vehicle" data-vehicle="${escapeXml(row.vehicleId)}">`,
      `<title>${escapeXml(`${label.id}${label.second === "" ? "" : ` · ${label.second}`}`)}</title>`,
      `<text class="vehicle-id" x="${MARGIN + 4}" y="${top + 20}" font-size="12" font-weight="bold" fill="#111827">${escapeXml(fitText(label.id, 12, labelWidth - 12))}</text>`,
    );
    if (label.second !== "")
      out.push(
        `<text class="plate" x="${MARGIN + 4}" y="${top + 35}" font-size="11" fill="#4b5563">${escapeXml(fitText(label.second, 11, labelWidth - 12))}</text>`,
      );
    const lanes = new Lanes();
    row.trips.forEach((t, k) => {
      const trip = trips[t] as Trip;
      const kind = barKind(trip);
      const style = BAR_STYLES[kind];
      const depart = departMs[t] as number;
      const arrive = arriveMs[t] as number;
      const x = xOf(depart);
      const width = Math.max(2, round(xOf(arrive) - x));
      const load = `${trip.passengers.length}/${label.capacity ?? "?"}`;
      const next = row.trips[k + 1];
      const tooShort = next !== undefined && (departMs[next] as number) < arrive + gapMs;
      const times = `${localClockText(clock, depart, day)}–${localClockText(clock, arrive, day)}`;
      const stroke = kind === "empty" ? BAR_STYLES[trip.direction].stroke : style.stroke;
      out.push(
        `<rect class="trip ${kind}" data-trip="${escapeXml(trip.id)}" data-kind="${kind}" data-direction="${trip.direction}" data-passengers="${trip.passengers.length}" data-capacity="${label.capacity ?? ""}" x="${x}" y="${top + BAR_TOP}" width="${width}" height="${BAR_HEIGHT}" fill="${style.fill}" stroke="${stroke}" stroke-width="1"${style.dash === undefined ? "" : ` stroke-dasharray="${style.dash}"`}>`,
        `<title>${escapeXml(`${trip.id} · ${trip.direction}${kind === "empty" ? " (empty)" : ""} · ${trip.from} → ${trip.to} · ${times} · ${load} · driver ${trip.driverId}`)}</title></rect>`,
        `<rect class="disinfection${tooShort ? " too-short" : ""}" data-trip="${escapeXml(trip.id)}" data-minutes="${policy.disinfectionMinutes}" x="${xOf(arrive)}" y="${top + BAR_TOP + 4}" width="${round(xOf(arrive + gapMs) - xOf(arrive))}" height="${BAR_HEIGHT - 8}" fill="${tooShort ? "#dc2626" : "#9ca3af"}"><title>${escapeXml(`disinfection after ${trip.id}: ${policy.disinfectionMinutes} min${tooShort ? " — the next trip leaves before it ends" : ""}`)}</title></rect>`,
      );
      const loadWidth = textWidth(load, LOAD_FONT);
      const textX = round(Math.min(x, plotRight - loadWidth));
      const lane = lanes.place(textX, loadWidth);
      const textY = lane === 0 ? top + BAR_TOP - 4 : top + BAR_TOP + BAR_HEIGHT + 11;
      out.push(
        `<text class="load" data-trip="${escapeXml(trip.id)}" x="${textX}" y="${textY}" font-size="${LOAD_FONT}" font-family="ui-monospace, 'DejaVu Sans Mono', monospace" fill="#111827">${load}</text>`,
      );
    });
    out.push("</g>");
  });
  if (left > 0)
    out.push(
      `<text class="left-out" x="${MARGIN}" y="${HEADER + body + 20}" font-size="12" fill="#b91c1c">${formatCount(left)} more vehicle${left === 1 ? "" : "s"} run on ${date}, not drawn here: export this date's whole timeline with "export svg --date ${date}".</text>`,
    );
  out.push("</svg>");
}

/** The legend: a swatch and a word for each kind of bar, and the disinfection gap. */
function legend(out: string[], disinfectionMinutes: number): void {
  let x = MARGIN;
  const y = 52;
  for (const kind of ["to-plant", "to-dormitory", "empty"] as const) {
    const style = BAR_STYLES[kind];
    out.push(
      `<g class="legend-item" data-kind="${kind}"><rect x="${x}" y="${y}" width="22" height="12" fill="${style.fill}" stroke="${style.stroke}"${style.dash === undefined ? "" : ` stroke-dasharray="${style.dash}"`}/><text x="${x + 28}" y="${y + 10}" font-size="12" fill="#111827">${style.legend}</text></g>`,
    );
    x += 28 + Math.ceil(textWidth(style.legend, 12)) + 24;
  }
  out.push(
    `<g class="legend-item" data-kind="disinfection"><rect x="${x}" y="${y + 3}" width="22" height="6" fill="#9ca3af"/><text x="${x + 28}" y="${y + 10}" font-size="12" fill="#111827">disinfection gap after each trip (${disinfectionMinutes} min; red: the next trip leaves too soon)</text></g>`,
  );
}

interface AxisLayout {
  startMs: number;
  hours: number;
  nextDayMs: number;
  day: DayNumber;
  plotLeft: number;
  xOf: (ms: number) => number;
  bottom: number;
  clock: RosterDays["clock"];
}

/** Hour lines across the rows with local `HH:mm` labels, and a mark at the next midnight. */
function axis(out: string[], layout: AxisLayout): void {
  const { startMs, hours, day, xOf, bottom, clock } = layout;
  const step = hours > 30 ? 2 : 1;
  const top = HEADER - 14;
  out.push(`<g class="axis" font-size="10" fill="#374151">`);
  for (let h = 0; h <= hours; h++) {
    const ms = startMs + h * MS_PER_HOUR;
    const x = xOf(ms);
    out.push(
      `<line x1="${x}" y1="${top + 4}" x2="${x}" y2="${bottom}" stroke="#d1d5db" stroke-width="1"/>`,
    );
    if (h % step === 0)
      out.push(
        `<text class="hour" x="${x}" y="${top}" text-anchor="middle">${formatClockTime(clock.minuteOfDay(ms))}</text>`,
      );
  }
  if (layout.nextDayMs < startMs + hours * MS_PER_HOUR) {
    const x = xOf(layout.nextDayMs);
    out.push(
      `<line x1="${x}" y1="${top + 4}" x2="${x}" y2="${bottom}" stroke="#111827" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<text x="${x + 3}" y="${bottom - 3}" fill="#111827">${formatCivilDate(day + 1)}</text>`,
    );
  }
  out.push("</g>");
}
