/**
 * Roster entries with periods (SPEC §5: `from`/`to`, inclusive local dates, absent = open):
 * which entry covers a date, and cutting a subject's entries at a date so that a new entry
 * can start there. Dates are `YYYY-MM-DD`, so comparing the text compares the dates.
 */

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** Whether the entry's period contains `date`. */
export function covers(entry: Period, date: string): boolean {
  return (
    (entry.from === undefined || entry.from <= date) && (entry.to === undefined || date <= entry.to)
  );
}

/** Whether the entry's period has any date on or after `date`. */
export function reachesInto(entry: Period, date: string): boolean {
  return entry.to === undefined || entry.to >= date;
}

/**
 * The entries with those of one subject ended the day before `from`: an entry over `from`
 * keeps its earlier part (`to` = `dayBefore`), one that starts on or after `from` goes.
 * Entries of other subjects, and those ending before `from`, are returned as they are.
 */
export function cutAt<T extends Period>(
  entries: readonly T[],
  isSubject: (entry: T) => boolean,
  from: string,
  dayBefore: string,
): T[] {
  const out: T[] = [];
  for (const entry of entries) {
    if (!isSubject(entry) || !reachesInto(entry, from)) {
      out.push(entry);
      continue;
    }
    if (entry.from !== undefined && entry.from >= from) continue;
    out.push({ ...entry, to: dayBefore });
  }
  return out;
}
