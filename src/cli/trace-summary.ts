/** A contact trace as a coordinator reads it: each list with its count and people. */
import type { Contact, ContactTrace } from "../operate/trace-contacts.js";

function contactLine(contact: Contact, noun: string): string {
  const count = contact.trips.length;
  return `    ${contact.personId}  ${contact.dates.join(", ")}  (${count} ${noun}${count === 1 ? "" : "s"})`;
}

/** Every contact of the trace, list by list (close first: they are the ones isolated). */
export function formatTrace(trace: ContactTrace): string {
  const lines = [`Contacts of ${trace.personId}, ${trace.from} … ${trace.to}:`];
  const lists: [string, Contact[], string][] = [
    ["close (shared a trip, within the rows)", trace.close, "shared trip"],
    ["vehicle (same vehicle in the window)", trace.vehicle, "trip"],
    ["testing (same testing slot)", trace.testing, "slot"],
  ];
  for (const [title, contacts, noun] of lists) {
    lines.push(`  ${title}: ${contacts.length}`);
    for (const contact of contacts) lines.push(contactLine(contact, noun));
  }
  lines.push(`  dormitory (live in the same dormitory): ${trace.dormitory.length}`);
  if (trace.dormitory.length > 0) lines.push(`    ${trace.dormitory.join(", ")}`);
  return lines.join("\n");
}
