/**
 * Civil dates (`YYYY-MM-DD`) as whole day numbers, so that date arithmetic (cycles, quiet
 * days, the horizon) is integer arithmetic that no time zone can disturb.
 */

import { memoize } from "../util/memo.js";

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A civil date as days since 1970-01-01. */
export type DayNumber = number;

/** `"2022-05-16"` → its day number, or `undefined` when the text is not a real calendar date. */
export const parseCivilDate: (text: string) => DayNumber | undefined = memoize(parseCivilDateOnce);

function parseCivilDateOnce(text: string): DayNumber | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  const ms = back.getTime();
  // Date.UTC rolls 2022-02-30 over to March: a real date survives the round trip.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** Like {@link parseCivilDate}, for text already validated. */
export function civilDay(text: string): DayNumber {
  const day = parseCivilDate(text);
  if (day === undefined) throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  return day;
}

/** Day number → `"YYYY-MM-DD"`. */
export const formatCivilDate: (day: DayNumber) => string = memoize((day: DayNumber) =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10),
);
