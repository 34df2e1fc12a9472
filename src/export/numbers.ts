/** Numbers as the exports write them for people: the same text on every host and locale. */

/**
 * A whole number with thousands separated by commas (not `toLocaleString`, whose output
 * depends on the host's locale).
 *
 * @example
 * formatCount(1419898) //=> "1,419,898"
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? "-" : "";
  const [whole = "0", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** The weekday of a day number (days since 1970-01-01, a Thursday), `Mon`…`Sun`. */
export function weekday(day: number): string {
  const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return names[(((day + 4) % 7) + 7) % 7] ?? "";
}
