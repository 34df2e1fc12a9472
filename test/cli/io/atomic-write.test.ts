/**
 * Output written whole or not at all (SPEC §7.4): a file or a folder is replaced only by a
 * complete new one; a failing writer, a full disk, a folder in the way, a missing or
 * read-only folder leave the old output as it was and no temporary file behind, and end in
 * one line naming the file and the cause. Also `writeChunks`: batched, and waiting for a
 * slow reader without running ahead of it.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  ensureFolder,
  OutputFileError,
  writeChunks,
  writeFileAtomically,
  writeFolderAtomically,
} from "../../../src/cli/io/atomic-write.js";

const root = await mkdtemp(join(tmpdir(), "atomic-write-"));
afterAll(() => rm(root, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;

let dir: string;
let case_ = 0;
beforeEach(async () => {
  dir = join(root, `case-${case_++}`);
  await mkdir(dir);
});

/** A Node system error with its code, as the file system raises them. */
function systemError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The error `promise` rejects with (failing the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

/** Checks an error is one plain line naming `path` and the cause, and no stack in sight. */
function expectOutputError(error: Error, path: string, reason: string): void {
  expect(error).toBeInstanceOf(OutputFileError);
  expect(error.name).toBe("OutputFileError");
  expect(error.message).toBe(`cannot write ${path}: ${reason}`);
  expect(error.message).not.toMatch(/\n|\.tmp|\bat /);
}

const text = (content: string) => async (out: Writable) => {
  await writeChunks(out, [content]);
};

describe("writeFileAtomically", () => {
  it("writes a new file and replaces an old one, keeping its permissions", async () => {
    const path = join(dir, "roster.json");
    await writeFileAtomically(path, text("first"));
    expect(await readFile(path, "utf8")).toBe("first");
    await chmod(path, 0o640);
    await writeFileAtomically(path, async (out) => {
      await writeChunks(out, ["sec", "ond"]);
      out.end(); // a writer may end the stream itself
    });
    expect(await readFile(path, "utf8")).toBe("second");
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(["roster.json"]);
  });

  it("leaves the old file and no temporary file when the writer fails, and rethrows its error", async () => {
    const path = join(dir, "roster.json");
    await writeFile(path, "old");
    const bug = new TypeError("a bug in the writer");
    const error = await failure(
      writeFileAtomically(path, async (out) => {
        await writeChunks(out, ["new, half written"]);
        throw bug;
      }),
    );
    expect(error).toBe(bug);
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["roster.json"]);
  });

  it("says the disk is full, whether the writer or the stream meets ENOSPC", async () => {
    const path = join(dir, "roster.json");
    await writeFile(path, "old");
    const fromWriter = await failure(
      writeFileAtomically(path, async (out) => {
        await writeChunks(out, ["x".repeat(100_000)]);
        throw systemError("ENOSPC", "no space left on device, write");
      }),
    );
    expectOutputError(fromWriter, path, "no space left on device (ENOSPC)");
    const fromStream = await failure(
      writeFileAtomically(path, async (out) => {
        await writeChunks(out, ["x".repeat(100_000)]);
        out.destroy(systemError("ENOSPC", "no space left on device, write"));
        await writeChunks(out, ["more"]);
      }),
    );
    expectOutputError(fromStream, path, "no space left on device (ENOSPC)");
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["roster.json"]);
  });

  it("says a path that is a folder is a folder, and leaves it alone", async () => {
    const path = join(dir, "out");
    await mkdir(path);
    expectOutputError(await failure(writeFileAtomically(path, text("x"))), path, "it is a folder");
    expect(await readdir(dir)).toEqual(["out"]);
  });

  it("says which folder does not exist", async () => {
    const path = join(dir, "missing", "roster.json");
    const error = await failure(writeFileAtomically(path, text("x")));
    expectOutputError(error, path, `folder ${join(dir, "missing")} does not exist`);
  });

  it("says when a file stands where a folder of the path should be", async () => {
    await writeFile(join(dir, "out"), "a file");
    const path = join(dir, "out", "roster.json");
    const error = await failure(writeFileAtomically(path, text("x")));
    expectOutputError(error, path, "a part of the path is a file, not a folder (ENOTDIR)");
  });

  it.skipIf(isRoot)(
    "says permission is denied in a read-only folder (skipped as root: chmod does not stop root)",
    async () => {
      const path = join(dir, "roster.json");
      await writeFile(path, "old");
      await chmod(dir, 0o555);
      try {
        const error = await failure(writeFileAtomically(path, text("new")));
        expectOutputError(error, path, "permission denied (EACCES)");
        expect(await readFile(path, "utf8")).toBe("old");
        expect(await readdir(dir)).toEqual(["roster.json"]);
      } finally {
        await chmod(dir, 0o755);
      }
    },
  );
});

describe("ensureFolder", () => {
  it("creates the folders of a path, and accepts one that exists", async () => {
    const path = join(dir, "a", "b", "c");
    await ensureFolder(path);
    await ensureFolder(path);
    expect((await stat(path)).isDirectory()).toBe(true);
  });

  it("names the folder when a file is in the way", async () => {
    await writeFile(join(dir, "out"), "a file");
    const here = await failure(ensureFolder(join(dir, "out")));
    expect(here).toBeInstanceOf(OutputFileError);
    expect(here.message).toBe(
      `cannot create folder ${join(dir, "out")}: a file of that name is in the way`,
    );
    const below = await failure(ensureFolder(join(dir, "out", "gtfs")));
    expect(below.message).toBe(
      `cannot create folder ${join(dir, "out", "gtfs")}: a part of the path is a file, not a folder (ENOTDIR)`,
    );
  });
});

describe("writeFolderAtomically", () => {
  const fillWith =
    (files: Record<string, string>) =>
    async (temp: string): Promise<void> => {
      for (const [name, content] of Object.entries(files))
        await writeFileAtomically(join(temp, name), text(content));
    };

  /** The folder's files and their contents. */
  async function contents(folder: string): Promise<Record<string, string>> {
    const names = (await readdir(folder)).sort();
    const entries = await Promise.all(
      names.map(async (name) => [name, await readFile(join(folder, name), "utf8")] as const),
    );
    return Object.fromEntries(entries);
  }

  it("writes a new folder, then replaces the old one entirely", async () => {
    const gtfs = join(dir, "gtfs");
    await writeFolderAtomically(gtfs, fillWith({ "stops.txt": "1", "shapes.txt": "2" }));
    expect(await contents(gtfs)).toEqual({ "shapes.txt": "2", "stops.txt": "1" });
    await writeFolderAtomically(gtfs, fillWith({ "stops.txt": "3", "trips.txt": "4" }));
    expect(await contents(gtfs)).toEqual({ "stops.txt": "3", "trips.txt": "4" });
    expect(await readdir(dir)).toEqual(["gtfs"]);
  });

  it("leaves the old folder as it was when filling fails, naming the file in the final folder", async () => {
    const gtfs = join(dir, "gtfs");
    await writeFolderAtomically(gtfs, fillWith({ "stops.txt": "old" }));
    const error = await failure(
      writeFolderAtomically(gtfs, async (temp) => {
        await fillWith({ "stops.txt": "new" })(temp);
        await writeFileAtomically(join(temp, "trips.txt"), async () => {
          throw systemError("ENOSPC", "no space left on device, write");
        });
      }),
    );
    expectOutputError(error, join(gtfs, "trips.txt"), "no space left on device (ENOSPC)");
    expect(await contents(gtfs)).toEqual({ "stops.txt": "old" });
    expect(await readdir(dir)).toEqual(["gtfs"]);
    const bug = new RangeError("a bug");
    expect(
      await failure(
        writeFolderAtomically(gtfs, async () => {
          throw bug;
        }),
      ),
    ).toBe(bug);
    expect(await contents(gtfs)).toEqual({ "stops.txt": "old" });
    expect(await readdir(dir)).toEqual(["gtfs"]);
  });

  it("refuses to put a folder in the place of a file, or in a missing folder", async () => {
    const file = join(dir, "gtfs");
    await writeFile(file, "a file");
    const error = await failure(writeFolderAtomically(file, fillWith({})));
    expectOutputError(error, file, "it is a file, not a folder");
    expect(await readFile(file, "utf8")).toBe("a file");
    const missing = join(dir, "missing", "gtfs");
    const noParent = await failure(writeFolderAtomically(missing, fillWith({})));
    expectOutputError(noParent, missing, `folder ${join(dir, "missing")} does not exist`);
    expect(await readdir(dir)).toEqual(["gtfs"]);
  });
});

describe("writeChunks", () => {
  /** A stream that takes a while over each write, recording what it got. */
  function slowSink(highWaterMark: number) {
    const got = { text: "", writes: 0 };
    const out = new Writable({
      highWaterMark,
      write(chunk: Buffer, _encoding, done) {
        got.text += chunk.toString("utf8");
        got.writes++;
        setImmediate(done);
      },
    });
    return { out, got };
  }

  it("joins small pieces into few writes", async () => {
    const { out, got } = slowSink(1 << 20);
    const pieces = Array.from({ length: 10_000 }, (_, i) => `${i},`);
    await writeChunks(out, pieces);
    await new Promise<void>((resolve) => out.end(resolve));
    expect(got.text).toBe(pieces.join(""));
    expect(got.writes).toBeLessThanOrEqual(2);
  });

  it("takes the next piece only when the stream has room", async () => {
    const { out, got } = slowSink(16 * 1024);
    const piece = "x".repeat(32 * 1024);
    let made = 0;
    function* pieces() {
      for (let i = 0; i < 100; i++) {
        // Never more than a couple of batches ahead of what the stream has taken.
        expect(made - got.text.length).toBeLessThanOrEqual(4 * 64 * 1024);
        made += piece.length;
        yield piece;
      }
    }
    await writeChunks(out, pieces());
    await new Promise<void>((resolve) => out.end(resolve));
    expect(got.text.length).toBe(100 * piece.length);
  });

  it("rejects when the stream fails instead of waiting for ever", async () => {
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, done) {
        setImmediate(() => done(systemError("EPIPE", "broken pipe")));
      },
    });
    out.on("error", () => undefined);
    const error = await failure(writeChunks(out, ["x".repeat(100_000), "y".repeat(100_000)]));
    expect((error as Error & { code: string }).code).toBe("EPIPE");
    await expect(writeChunks(out, ["z".repeat(100_000)])).rejects.toThrow();
  });
});
