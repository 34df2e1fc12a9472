/**
 * Where a JSON text first breaks the grammar (RFC 8259), as a line and a column a user can go
 * to. Node 20's `JSON.parse` often says only `Unexpected token 'x', "…" is not valid JSON`,
 * and stream-json says nothing of where; so, once a parse has failed, this scanner reads the
 * text again, a piece at a time (it builds nothing, and works on a file of any size).
 */

/** The first place a JSON text goes wrong. */
export interface JsonSyntaxProblem {
  /** Index of the offending character (UTF-16 units from the text's start; its length at the end). */
  offset: number;
  /** 1-based line (lines end at `\n`). */
  line: number;
  /** 1-based column, in characters (a surrogate pair is one). */
  column: number;
  /** What is wrong, in plain words. */
  reason: string;
}

/**
 * Where the scanner is: "value" (a value must come: at the start, after ':', after ',' in an
 * array), "array-first" (after '[': a value or ']'), "object-first" (after '{': a name or
 * '}'), "name" (after ',' in an object), "colon" (after a name), "after" (after a value:
 * ',', the closing bracket or the end), inside a string, an escape, a literal, or a number:
 * "minus" and "dot" and "exponent"/"exponent-sign" want a digit next.
 */
type State =
  | "value"
  | "array-first"
  | "object-first"
  | "name"
  | "colon"
  | "after"
  | "string"
  | "escape"
  | "unicode"
  | "literal"
  | "minus"
  | "zero"
  | "int"
  | "dot"
  | "fraction"
  | "exponent"
  | "exponent-sign"
  | "exponent-int";

const LITERALS: Readonly<Record<string, string>> = { t: "true", f: "false", n: "null" };

/** Whether the character code (or byte) `c` is JSON white space: space, tab, line feed, carriage return. */
export function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** A character as a message shows it: `'x'`, or `U+0001` when it cannot be seen. */
function shown(c: number): string {
  return c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)
    ? `U+${c.toString(16).toUpperCase().padStart(4, "0")}`
    : `'${String.fromCharCode(c)}'`;
}

/** A character found where it must not be, with a hint for the usual mistakes by hand. */
function found(c: number): string {
  const hint =
    c === 0x27 ? " (JSON takes double quotes)" : c === 0x2f ? " (JSON has no comments)" : "";
  return `${shown(c)}${hint}`;
}

/**
 * Checks a JSON text's grammar a piece at a time and stops at the first problem. Feed it
 * the pieces in order, then call `end`.
 *
 * @example
 * const scanner = new JsonSyntaxScanner();
 * scanner.feed('{"a": 1,\n');
 * scanner.feed(' }');
 * scanner.problem //=> { offset: 10, line: 2, column: 2, reason: "a comma before '}' …" }
 */
export class JsonSyntaxScanner {
  /** The first problem found, once found (then further pieces are ignored). */
  problem: JsonSyntaxProblem | undefined;
  private state: State = "value";
  /** Open containers: true for an array, false for an object. */
  private readonly arrays: boolean[] = [];
  private stringIsName = false;
  private hexLeft = 0;
  private literal = "";
  private literalAt = 0;
  private offset = 0;
  private line = 1;
  private column = 1;

  /** Scans the next piece of the text; returns the problem once there is one. */
  feed(text: string): JsonSyntaxProblem | undefined {
    for (let i = 0; i < text.length && this.problem === undefined; ) {
      const c = text.charCodeAt(i);
      if (!this.step(c)) continue; // the character ends a number and is read again
      i++;
      this.offset++;
      if (c === 0x0a) {
        this.line++;
        this.column = 1;
      } else if ((c & 0xfc00) !== 0xdc00) this.column++;
    }
    return this.problem;
  }

  /** The text has ended: returns the problem, if any (an unclosed value is one). */
  end(): JsonSyntaxProblem | undefined {
    if (this.problem !== undefined) return this.problem;
    const s = this.state;
    const complete =
      this.arrays.length === 0 &&
      (s === "after" || s === "zero" || s === "int" || s === "fraction" || s === "exponent-int");
    if (complete) return undefined;
    if (s === "string" || s === "escape" || s === "unicode")
      return this.fail("the text ends inside a string");
    if (this.offset === 0 || (s === "value" && this.arrays.length === 0))
      return this.fail("there is no JSON value (the file is empty)");
    return this.fail("the text ends before the JSON value does");
  }

  private fail(reason: string): JsonSyntaxProblem {
    this.problem = { offset: this.offset, line: this.line, column: this.column, reason };
    return this.problem;
  }

  /** Takes one character; false when it must be read again in the new state. */
  private step(c: number): boolean {
    switch (this.state) {
      case "string":
        if (c === 0x22) this.state = this.stringIsName ? "colon" : "after";
        else if (c === 0x5c) this.state = "escape";
        else if (c < 0x20)
          this.fail(`the control character ${shown(c)} must be escaped in a string`);
        return true;
      case "escape":
        if (c === 0x75) {
          this.state = "unicode";
          this.hexLeft = 4;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(c))) this.state = "string";
        else this.fail(`bad escape \\${String.fromCharCode(c)} in a string`);
        return true;
      case "unicode":
        if (!isHex(c)) this.fail(`a \\u escape takes four hexadecimal digits, not ${shown(c)}`);
        else if (--this.hexLeft === 0) this.state = "string";
        return true;
      case "value":
      case "array-first":
        if (isWhitespace(c)) return true;
        if (c === 0x5d && this.state === "array-first") this.close();
        else if (c === 0x5d && this.arrays.length > 0)
          this.fail("a comma before ']' (JSON allows none after the last element)");
        else this.startValue(c);
        return true;
      case "object-first":
      case "name":
        if (isWhitespace(c)) return true;
        if (c === 0x22) {
          this.state = "string";
          this.stringIsName = true;
        } else if (c === 0x7d && this.state === "object-first") this.close();
        else if (c === 0x7d)
          this.fail("a comma before '}' (JSON allows none after the last member)");
        else this.fail(`expected a name in double quotes, found ${found(c)}`);
        return true;
      case "colon":
        if (c === 0x3a) this.state = "value";
        else if (!isWhitespace(c)) this.fail(`expected ':' after a name, found ${found(c)}`);
        return true;
      case "after":
        this.after(c);
        return true;
      case "literal":
        if (c === this.literal.charCodeAt(this.literalAt)) {
          if (++this.literalAt === this.literal.length) this.state = "after";
        } else this.misspelt(c);
        return true;
      default:
        return this.number(c);
    }
  }

  private startValue(c: number): void {
    const literal = LITERALS[String.fromCharCode(c)];
    if (c === 0x7b) this.open(false);
    else if (c === 0x5b) this.open(true);
    else if (c === 0x22) {
      this.state = "string";
      this.stringIsName = false;
    } else if (c === 0x2d) this.state = "minus";
    else if (c === 0x30) this.state = "zero";
    else if (isDigit(c)) this.state = "int";
    else if (literal !== undefined) {
      this.state = "literal";
      this.literal = literal;
      this.literalAt = 1;
    } else this.fail(`expected a value, found ${found(c)}`);
  }

  /**
   * A word that starts like true, false or null and is not it (`t2`, `nul]`): shown whole,
   * at the first character that differs, where V8 puts it too.
   */
  private misspelt(c: number): void {
    const read = this.literal.slice(0, this.literalAt);
    const word = /[\w$]/.test(String.fromCharCode(c)) ? read + String.fromCharCode(c) : read;
    const reason =
      read.length > 1
        ? `expected ${this.literal}, found '${word}'`
        : `expected a value, found '${word}'`;
    this.fail(reason);
  }

  private after(c: number): void {
    if (isWhitespace(c)) return;
    const inArray = this.arrays[this.arrays.length - 1];
    if (inArray === undefined)
      this.fail(`unexpected character ${found(c)} after the end of the JSON value`);
    else if (c === 0x2c) this.state = inArray ? "value" : "name";
    else if (c === (inArray ? 0x5d : 0x7d)) this.close();
    else
      this.fail(
        inArray
          ? `expected ',' or ']' after an array element, found ${found(c)}`
          : `expected ',' or '}' after a member, found ${found(c)}`,
      );
  }

  /** Digits, '.', 'e' and signs of a number; false when `c` ends the number. */
  private number(c: number): boolean {
    const s = this.state;
    const digit = isDigit(c);
    if (s === "minus" || s === "dot" || s === "exponent" || s === "exponent-sign") {
      if (digit)
        this.state =
          s === "minus" ? (c === 0x30 ? "zero" : "int") : s === "dot" ? "fraction" : "exponent-int";
      else if (s === "exponent" && (c === 0x2b || c === 0x2d)) this.state = "exponent-sign";
      else this.fail(`expected a digit, found ${found(c)}`);
      return true;
    }
    if (s === "zero" && digit) {
      this.fail("a number must not start with 0 followed by more digits");
      return true;
    }
    if (digit) return true;
    if (c === 0x2e && (s === "zero" || s === "int")) this.state = "dot";
    else if ((c === 0x65 || c === 0x45) && s !== "exponent-int") this.state = "exponent";
    else {
      this.state = "after";
      return false;
    }
    return true;
  }

  private open(array: boolean): void {
    this.arrays.push(array);
    this.state = array ? "array-first" : "object-first";
  }

  private close(): void {
    this.arrays.pop();
    this.state = "after";
  }
}

/**
 * The first syntax problem of a whole JSON text, or undefined when its grammar is sound.
 *
 * @example
 * findJsonSyntaxProblem('{"a": x}') //=> { offset: 6, line: 1, column: 7, reason: "expected a value, found 'x'" }
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const scanner = new JsonSyntaxScanner();
  return scanner.feed(text) ?? scanner.end();
}

/**
 * The line and column a `JSON.parse` message gives, as V8 words it: newer V8 says
 * `(line 3 column 7)`, Node 20's says `at position 42` (an index into `text`), and some of
 * its messages say nothing of where (then undefined).
 */
export function positionInParseMessage(
  message: string,
  text: string,
): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn !== null) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return lineAndColumn(text, Math.min(Number(position[1]), text.length));
  if (/end of JSON input/.test(message)) return lineAndColumn(text, text.length);
  return undefined;
}

/** The 1-based line and column of `offset` in `text`, counted as the scanner counts them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  let column = 1;
  for (let i = start; i < offset; i++) if ((text.charCodeAt(i) & 0xfc00) !== 0xdc00) column++;
  return { line, column };
}
