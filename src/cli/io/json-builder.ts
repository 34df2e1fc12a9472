/**
 * Builds the value of a JSON text from stream-json's tokens, the same value `JSON.parse`
 * returns. stream-json's own Assembler sets `object[key] = value`, so a member named
 * `__proto__` would change the object's prototype instead of becoming a member as it does
 * with `JSON.parse`; this builder defines every member as an own property.
 */

/** A token of stream-json's parser with packed values (`keyValue`, `stringValue`, …). */
export interface JsonToken {
  name: string;
  value?: string | undefined;
}

type Container = unknown[] | Record<string, unknown>;

/** Takes the tokens of one JSON value in order; `value` is ready once `done`. */
export class JsonValueBuilder {
  /** The value built (complete once `done`). */
  value: unknown;
  /** Whether the whole value has been taken. */
  done = false;
  private readonly open: Container[] = [];
  private key = "";

  /** Takes one token; tokens a builder does not need (`startString`, …) are ignored. */
  take(token: JsonToken): void {
    switch (token.name) {
      case "startObject":
        this.enter({});
        break;
      case "startArray":
        this.enter([]);
        break;
      case "endObject":
      case "endArray":
        this.open.pop();
        this.done = this.open.length === 0;
        break;
      case "keyValue":
        this.key = token.value ?? "";
        break;
      case "stringValue":
        this.save(token.value ?? "");
        break;
      case "numberValue":
        this.save(Number(token.value));
        break;
      case "nullValue":
        this.save(null);
        break;
      case "trueValue":
        this.save(true);
        break;
      case "falseValue":
        this.save(false);
        break;
    }
  }

  private enter(container: Container): void {
    this.save(container);
    this.done = false;
    this.open.push(container);
  }

  private save(value: unknown): void {
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) {
      this.value = value;
      this.done = true;
    } else if (Array.isArray(parent)) parent.push(value);
    else if (this.key === "__proto__")
      Object.defineProperty(parent, this.key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    else parent[this.key] = value;
  }
}
