/**
 * Roster instants: ISO 8601 with an explicit offset (`2022-05-16T07:30:00+08:00`), parsed
 * once into epoch milliseconds. `Date.parse` alone would roll 2022-02-30 over into March.
 */
import { memoize } from "../util/memo.js";
import { parseCivilDate } from "./civil-date.js";

const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Epoch milliseconds of an ISO 8601 instant with offset, or `undefined` if it is not one. */
export const parseInstant: (text: string) => number | undefined = memoize(parseInstantOnce);

function parseInstantOnce(text: string): number | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (match === null || parseCivilDate(match[1] as string) === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
