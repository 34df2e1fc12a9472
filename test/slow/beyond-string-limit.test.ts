/**
 * SPEC §7.4: "no whole-roster string: a 200,000-staff roster must be written and read back".
 * A roster-like value whose JSON is longer than the longest string V8 can make (2^29 − 24
 * characters) is written with `writeJson` and read back with `readJsonFile`, which must
 * take the stream road for it. Cheap to build (one trip object, repeated), ~570 MB on disk
 * for some seconds; the file is deleted afterwards.
 */
import { constants } from "node:buffer";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/cli/io/atomic-write.js";
import { writeJson } from "../../src/cli/io/json-stream.js";
import { readJsonFile, STRING_READ_LIMIT } from "../../src/cli/io/read-json.js";

const root = await mkdtemp(join(tmpdir(), "beyond-string-limit-"));
afterAll(() => rm(root, { recursive: true, force: true }));

/** A trip of about 950 characters of JSON, as a roster has them (with a long note for bulk). */
const trip = {
  id: "trip-2022-05-16-loop-0001-to-plant-0001",
  loopId: "loop-0001",
  vehicleId: "vehicle-0001",
  driverId: "driver-0001",
  direction: "to-plant",
  from: "dormitory-0001",
  to: "plant-0001",
  path: ["node-0001", "node-0002", "node-0003", "node-0004"],
  depart: "2022-05-16T07:30:00+08:00",
  arrive: "2022-05-16T08:05:00+08:00",
  passengers: [{ personId: "person-000001", seat: 1 }],
  note: "金山".repeat(20) + "x".repeat(560),
};
const TRIPS = 600_000;

it("writes and reads back a roster whose JSON no string can hold", async () => {
  const roster = { version: 1, trips: Array.from({ length: TRIPS }, () => trip) };
  // Characters, not bytes, are what a string cannot hold.
  expect((JSON.stringify(trip).length + 1) * TRIPS).toBeGreaterThan(constants.MAX_STRING_LENGTH);
  const path = join(root, "roster.json");

  await writeFileAtomically(path, (out) => writeJson(out, roster, false));
  const { size } = await stat(path);
  expect(size).toBeGreaterThan(2 ** 29);
  expect(size).toBeGreaterThan(STRING_READ_LIMIT);

  let lastTold = 0;
  const back = (await readJsonFile(path, {
    onProgress: (read) => {
      lastTold = read;
    },
  })) as { version: number; trips: unknown[] };
  await rm(path);

  expect(lastTold).toBe(size);
  expect(back.version).toBe(1);
  expect(back.trips).toHaveLength(TRIPS);
  expect(back.trips[0]).toStrictEqual(trip);
  expect(back.trips[TRIPS - 1]).toStrictEqual(trip);
}, 240_000);
