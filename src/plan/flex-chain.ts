/**
 * A vehicle's trips with free times. Packing fixes every trip at a minute; the rules only
 * ask that each rider's trip leave inside the window of the service it serves (retime.ts).
 * Here a vehicle is a sequence of *slots*: a trip whose departure may be any minute in
 * [lo, hi], the intersection of its riders' windows. Consecutive slots need the same gaps
 * as chained trips (chain.ts): a leg and disinfection between opposite directions, a whole
 * cycle between two of one direction. The gaps are superadditive, so a sequence has times
 * iff consecutive gaps can be met, and the earliest (latest) time of each slot follows from
 * one pass forward (backward). That makes "can this vehicle also carry that ride, at some
 * time in between?" a constant-time question per position.
 *
 * Slots are never changed in place: a change makes a new sequence, so an earlier one can
 * be put back as it was.
 */

/** A rider's ride on a slot: which rider, and which of their services (index). */
export interface Member<R> {
  rider: R;
  service: number;
}

export interface Slot<R> {
  toPlant: boolean;
  /** Earliest and latest departure minute (epoch minutes). */
  lo: number;
  hi: number;
  members: readonly Member<R>[];
}

/** When a ride may leave: a window of departure minutes and its direction. */
export interface RideWindow {
  toPlant: boolean;
  lo: number;
  hi: number;
}

export interface GapMinutes {
  toPlant: number;
  toDormitory: number;
  disinfection: number;
}

/** Least minutes from one trip's departure to the next's on one vehicle. */
export function gapBetween(firstToPlant: boolean, nextToPlant: boolean, gaps: GapMinutes): number {
  if (firstToPlant !== nextToPlant)
    return (firstToPlant ? gaps.toPlant : gaps.toDormitory) + gaps.disinfection;
  return gaps.toPlant + gaps.toDormitory + 2 * gaps.disinfection;
}

interface Bounds {
  earliest: number[];
  latest: number[];
}

/**
 * Bounds per sequence: a vehicle's sequence is asked about rider after rider until one
 * fits, and sequences never change. Kept with the gaps they were computed for, so that
 * asking with other gaps computes afresh.
 */
const boundsOf = new WeakMap<
  readonly Slot<unknown>[],
  { gaps: GapMinutes; bounds: Bounds | undefined }
>();

/** Earliest and latest feasible minute of every slot, or undefined if the sequence has none. */
export function slotBounds<R>(slots: readonly Slot<R>[], gaps: GapMinutes): Bounds | undefined {
  const known = boundsOf.get(slots);
  if (known !== undefined && known.gaps === gaps) return known.bounds;
  const bounds = computeBounds(slots, gaps);
  boundsOf.set(slots, { gaps, bounds });
  return bounds;
}

function computeBounds<R>(slots: readonly Slot<R>[], gaps: GapMinutes): Bounds | undefined {
  const n = slots.length;
  const earliest = new Array<number>(n);
  const latest = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const slot = slots[i] as Slot<R>;
    const prev = slots[i - 1];
    const after =
      prev === undefined
        ? slot.lo
        : (earliest[i - 1] as number) + gapBetween(prev.toPlant, slot.toPlant, gaps);
    earliest[i] = Math.max(slot.lo, after);
    if ((earliest[i] as number) > slot.hi) return undefined;
  }
  for (let i = n - 1; i >= 0; i--) {
    const slot = slots[i] as Slot<R>;
    const next = slots[i + 1];
    const before =
      next === undefined
        ? slot.hi
        : (latest[i + 1] as number) - gapBetween(slot.toPlant, next.toPlant, gaps);
    latest[i] = Math.min(slot.hi, before);
  }
  return { earliest, latest };
}

/**
 * Whether a slot of window [lo, hi] fits between positions `before` and `after` of a
 * feasible sequence (either may be absent), given that sequence's bounds.
 */
function fitsBetween<R>(
  slots: readonly Slot<R>[],
  bounds: Bounds,
  before: number,
  after: number,
  window: RideWindow,
  gaps: GapMinutes,
): boolean {
  const prev = slots[before];
  const next = slots[after];
  let from = window.lo;
  let to = window.hi;
  if (prev !== undefined)
    from = Math.max(
      from,
      (bounds.earliest[before] as number) + gapBetween(prev.toPlant, window.toPlant, gaps),
    );
  if (next !== undefined)
    to = Math.min(
      to,
      (bounds.latest[after] as number) - gapBetween(window.toPlant, next.toPlant, gaps),
    );
  return from <= to;
}

/** The first index whose latest time is at or after `minute` (the length if none). */
function firstLatestFrom(latest: readonly number[], minute: number): number {
  let low = 0;
  let high = latest.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((latest[middle] as number) < minute) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The sequence with one more ride: on an existing slot of its direction whose window
 * overlaps the ride's and has room (the slot narrows to the overlap), else on a new slot at
 * the earliest position where it fits. Undefined if neither keeps the sequence feasible.
 */
export function withRide<R>(
  slots: readonly Slot<R>[],
  member: Member<R>,
  window: RideWindow,
  capacity: number,
  gaps: GapMinutes,
): Slot<R>[] | undefined {
  const bounds = slotBounds(slots, gaps);
  if (bounds === undefined) return undefined;
  // Latest times never fall along the sequence, and a slot, or the one after a new slot,
  // that must leave before the window opens cannot take the ride: skip those.
  const first = firstLatestFrom(bounds.latest, window.lo);
  for (let j = first; j < slots.length; j++) {
    if ((bounds.earliest[j] as number) > window.hi) break;
    const slot = slots[j] as Slot<R>;
    if (slot.toPlant !== window.toPlant || slot.members.length >= capacity) continue;
    const lo = Math.max(slot.lo, window.lo);
    const hi = Math.min(slot.hi, window.hi);
    if (lo > hi) continue;
    const narrowed = { toPlant: slot.toPlant, lo, hi };
    if (!fitsBetween(slots, bounds, j - 1, j + 1, narrowed, gaps)) continue;
    const out = [...slots];
    out[j] = { ...narrowed, members: [...slot.members, member] };
    return out;
  }
  for (let position = first; position <= slots.length; position++) {
    // Past a slot that cannot leave before the window closes, no later position fits.
    if (position > 0 && (bounds.earliest[position - 1] as number) > window.hi) break;
    if (!fitsBetween(slots, bounds, position - 1, position, window, gaps)) continue;
    const out = [...slots];
    out.splice(position, 0, { ...window, members: [member] });
    return out;
  }
  return undefined;
}

/**
 * One departure minute per slot of a feasible sequence: each as near its window's edge as
 * the others allow (rides in as late, rides home as early as possible: the least waiting).
 */
export function slotTimes<R>(slots: readonly Slot<R>[], gaps: GapMinutes): number[] | undefined {
  const bounds = slotBounds(slots, gaps);
  if (bounds === undefined) return undefined;
  const times: number[] = [];
  slots.forEach((slot, i) => {
    const earliest = bounds.earliest[i] as number;
    const latest = bounds.latest[i] as number;
    const wanted = Math.min(latest, Math.max(earliest, slot.toPlant ? slot.hi : slot.lo));
    const prev = slots[i - 1];
    const after =
      prev === undefined
        ? wanted
        : (times[i - 1] as number) + gapBetween(prev.toPlant, slot.toPlant, gaps);
    times.push(Math.max(wanted, after));
  });
  return times;
}
