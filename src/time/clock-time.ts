/** Wall-clock times of day (`HH:mm`, 00:00–23:59) as minutes after midnight. */

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `"07:20"` → 440, or `undefined` for anything that is not a strict `HH:mm` time of day. */
export function parseClockTime(text: string): number | undefined {
  const match = CLOCK_PATTERN.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Like {@link parseClockTime}, for text already validated. */
export function clockMinutes(text: string): number {
  const minutes = parseClockTime(text);
  if (minutes === undefined) throw new RangeError(`not an HH:mm time: ${JSON.stringify(text)}`);
  return minutes;
}

/** 440 → `"07:20"`. */
export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
