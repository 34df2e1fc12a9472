/**
 * JSON text in pieces, byte for byte what `JSON.stringify` writes, without ever holding the
 * whole text: a 200,000-staff roster is more than 512 MB of JSON, beyond the longest string
 * V8 can make (SPEC §7.4). Big arrays and objects are walked here, with an explicit stack;
 * each small part (a trip, a loop) is handed whole to `JSON.stringify`, which is fast.
 */
import type { Writable } from "node:stream";
import { writeChunks } from "./atomic-write.js";

/** Options of {@link jsonChunks}. */
export interface JsonChunksOptions {
  /**
   * A part whose text is estimated below this many characters is stringified in one call;
   * larger ones are walked. Tests set 0 to walk everything. Default 16 Ki.
   */
  inline?: number | undefined;
}

const INLINE = 16 * 1024;
/** Pieces are yielded once they reach about this many characters. */
const PIECE = 64 * 1024;

type Container = unknown[] | Record<string, unknown>;

interface Frame {
  container: Container;
  /** The object's own enumerable keys; undefined for an array. */
  keys: string[] | undefined;
  next: number;
  /** Whether a member has been written (a comma goes before the next). */
  wrote: boolean;
  depth: number;
}

/** What `JSON.stringify` serialises in the place of `value` held under `key`. */
function toJsonValue(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === "function" ? toJSON.call(value, key) : value;
}

/** An array or a plain object (boxed primitives are stringified like the primitives). */
function isContainer(value: unknown): value is Container {
  if (typeof value !== "object" || value === null) return false;
  return !(
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    value instanceof BigInt
  );
}

/** Whether a member is left out of an object (and written `null` in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * The budget left after a rough count of `value`'s text (negative: over budget). It stops
 * as soon as the budget is spent, so a huge array costs no more than a small one.
 */
function remaining(value: unknown, budget: number): number {
  if (typeof value === "string") return budget - value.length - 2;
  if (!isContainer(value)) return budget - 8;
  // A container counts for more than its brackets, so that a cycle ends the count soon.
  let left = budget - 16;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) left = remaining(value[i], left - 2);
  } else {
    for (const key in value) {
      if (left < 0) break;
      if (Object.hasOwn(value, key)) left = remaining(value[key], left - key.length - 4);
    }
  }
  return left;
}

/**
 * The text of `JSON.stringify(value)` (or, when `pretty`, of `JSON.stringify(value, null, 2)`)
 * in pieces of about 64 KiB whose concatenation is exactly that text, for any value
 * `JSON.stringify` accepts without a replacer: members that are undefined, functions or
 * symbols are left out of objects and written `null` in arrays, `toJSON` is honoured, a
 * circular structure throws a `TypeError`. A value `JSON.stringify` turns into `undefined`
 * (`undefined` itself, a function) yields no piece.
 *
 * @param value - plain data, such as a roster
 * @param pretty - indent by two spaces, one member per line
 * @example
 * [...jsonChunks({ trips: [{ id: "t1" }] }, false)].join("") //=> '{"trips":[{"id":"t1"}]}'
 */
export function* jsonChunks(
  value: unknown,
  pretty: boolean,
  options?: JsonChunksOptions | undefined,
): Generator<string, void, undefined> {
  const inline = options?.inline ?? INLINE;
  const space = pretty ? 2 : undefined;
  const indents = [""];
  const indent = (depth: number): string => {
    while (indents.length <= depth) indents.push(`${indents[indents.length - 1]}  `);
    return indents[depth] as string;
  };
  /** The text of a small part at `depth`, its inner lines indented to match. */
  const whole = (part: unknown, depth: number): string | undefined => {
    const text = JSON.stringify(part, null, space);
    return pretty && text?.includes("\n") ? text.replaceAll("\n", `\n${indent(depth)}`) : text;
  };
  const walked = (part: unknown): part is Container =>
    isContainer(part) && remaining(part, inline) < 0;

  const root = toJsonValue(value, "");
  if (!walked(root)) {
    const text = whole(root, 0);
    if (text !== undefined) yield text;
    return;
  }

  const stack: Frame[] = [];
  // The containers being walked: one met again inside itself is a cycle.
  const open = new Set<Container>();
  let piece = "";
  const enter = (container: Container, depth: number) => {
    if (open.has(container)) throw new TypeError("Converting circular structure to JSON");
    open.add(container);
    const keys = Array.isArray(container) ? undefined : Object.keys(container);
    stack.push({ container, keys, next: 0, wrote: false, depth });
    piece += keys === undefined ? "[" : "{";
  };
  enter(root, 0);

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { container, keys, depth } = frame;
    const size = keys === undefined ? (container as unknown[]).length : keys.length;
    if (frame.next === size) {
      if (frame.wrote && pretty) piece += `\n${indent(depth)}`;
      piece += keys === undefined ? "]" : "}";
      stack.pop();
      open.delete(container);
    } else {
      const index = frame.next++;
      const key = keys === undefined ? String(index) : (keys[index] as string);
      const member = toJsonValue((container as Record<string, unknown>)[key], key);
      if (keys !== undefined && isSkipped(member)) continue;
      if (frame.wrote) piece += ",";
      frame.wrote = true;
      if (pretty) piece += `\n${indent(depth + 1)}`;
      if (keys !== undefined)
        piece += pretty ? `${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`;
      if (walked(member)) enter(member, depth + 1);
      else piece += whole(member, depth + 1) ?? "null";
    }
    if (piece.length >= PIECE) {
      yield piece;
      piece = "";
    }
  }
  if (piece !== "") yield piece;
}

/**
 * Streams a value's JSON text into `out` (see {@link jsonChunks}), waiting whenever `out`
 * asks for a pause; does not end `out` and writes no final line break.
 *
 * @example
 * await writeFileAtomically("out/roster.json", (out) => writeJson(out, roster, true));
 */
export function writeJson(out: Writable, value: unknown, pretty: boolean): Promise<void> {
  return writeChunks(out, jsonChunks(value, pretty));
}
