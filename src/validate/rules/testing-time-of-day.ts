/**
 * Whether a person takes all their tests of one kind at one local time of day, for
 * `fixed-testing`. The first test of a kind sets its minute of day; any other minute marks
 * the kind as varying. Minutes are local wall-clock ones: a test the roster puts in a DST gap
 * (02:30 on a spring-forward night) is at the minute the zone's clock shows then (03:30).
 *
 * One person at a time, in state reused from person to person; the minutes of a
 * varying kind are listed only to word the report (few people vary).
 */
import type { ZoneClock } from "../../time/zone-clock.js";

/** One kind's minutes of day so far: the first, and whether another came. */
interface KindMinutes {
  seen: boolean;
  first: number;
  varying: boolean;
}

export class TimesOfDay {
  /** Per kind, in policy order (a kind is its index). */
  private readonly kinds: readonly KindMinutes[];
  private anyVarying = false;

  constructor(kindCount: number) {
    this.kinds = Array.from({ length: kindCount }, () => ({
      seen: false,
      first: 0,
      varying: false,
    }));
  }

  /** Starts a new person: forgets the last one's minutes. */
  reset(): void {
    for (const minutes of this.kinds) {
      minutes.seen = false;
      minutes.varying = false;
    }
    this.anyVarying = false;
  }

  /** Notes the person's test of kind `kind` at local minute of day `minute`. */
  note(kind: number, minute: number): void {
    const minutes = this.kinds[kind] as KindMinutes;
    if (!minutes.seen) {
      minutes.seen = true;
      minutes.first = minute;
    } else if (minutes.first !== minute) {
      minutes.varying = true;
      this.anyVarying = true;
    }
  }

  /** Whether the person's tests of kind `kind` came at more than one minute of day. */
  varies(kind: number): boolean {
    return (this.kinds[kind] as KindMinutes).varying;
  }

  /** Whether any kind varies (most people's none does). */
  anyVaries(): boolean {
    return this.anyVarying;
  }
}

/**
 * The distinct local minutes of day (0..1439), ascending, of the tests `indexes` that are of
 * kind `kind`, test t being of kind `tests.kind[t]` at `tests.at[t]` (epoch ms).
 */
export function minutesOfDay(
  tests: { kind: ArrayLike<number>; at: ArrayLike<number> },
  indexes: Iterable<number>,
  kind: number,
  clock: ZoneClock,
): number[] {
  const minutes = new Set<number>();
  for (const t of indexes)
    if (tests.kind[t] === kind) minutes.add(clock.minuteOfDay(tests.at[t] as number));
  return [...minutes].sort((a, b) => a - b);
}
