/**
 * A small JSON scanner that knows where things are. JSON.parse says what a document holds but
 * not where: Node 20 often reports no position at all ("Unexpected token '}', … is not valid
 * JSON") and browsers word it differently again. The scanner gives the offset of the first
 * syntax error, and of every value by path, so any problem can point at a line and column.
 */

export type JsonScan =
  | { ok: true; offsets: Map<string, number> }
  | { ok: false; offset: number; message: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `features[3].properties.citations` — the path notation every problem uses. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  if (IDENTIFIER.test(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.scanDocument();
    return { ok: true, offsets: scanner.offsets };
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { ok: false, offset: error.offset, message: error.message };
    // Only pathological nesting gets here (stack overflow): no position is better than a crash.
    return { ok: false, offset: 0, message: "document too deeply nested to scan" };
  }
}

/** The scan of one text: where it is (`i`), and the offset of every value seen so far. Throws
 * SyntaxProblem at the first error. */
class Scanner {
  readonly offsets = new Map<string, number>();
  private i = 0;

  constructor(private readonly text: string) {}

  scanDocument(): void {
    this.scanValue("");
    this.skipSpace();
    if (this.i < this.text.length)
      this.fail(`unexpected ${this.describe(this.i)} after the end of the JSON value`);
  }

  private fail(message: string, at = this.i): never {
    throw new SyntaxProblem(at, message);
  }

  private describe(at: number): string {
    const char = this.text[at];
    if (char === undefined) return "end of file";
    return /[\s\x00-\x1f]/.test(char) ? JSON.stringify(char) : `'${char}'`;
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.i < text.length && " \t\n\r".includes(text[this.i] as string)) this.i++;
  }

  private expect(char: string, context: string): void {
    if (this.text[this.i] !== char)
      this.fail(`expected ${JSON.stringify(char)} ${context}, found ${this.describe(this.i)}`);
    this.i++;
  }

  private scanString(): string {
    const { text } = this;
    const start = this.i;
    this.i++;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return JSON.parse(text.slice(start, this.i)) as string;
      }
      if (c < 0x20)
        this.fail(
          "line break or control character inside a string (strings must close on the same line)",
        );
      if (c === 0x5c) {
        const next = text[this.i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
            this.fail("bad \\u escape in string");
          this.i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          this.i += 2;
        } else {
          this.fail(`bad escape \\${next ?? ""} in string`);
        }
        continue;
      }
      this.i++;
    }
    return this.fail("unterminated string", start);
  }

  /** A value at `path`: objects and arrays are scanned here, not in methods of their own, so
   * that each level of nesting costs one stack frame. */
  private scanValue(path: string): void {
    const { text } = this;
    this.skipSpace();
    this.offsets.set(path, this.i);
    const c = text[this.i];
    if (c === "{") {
      this.i++;
      this.skipSpace();
      if (text[this.i] === "}") {
        this.i++;
        return;
      }
      for (;;) {
        this.skipSpace();
        if (text[this.i] !== '"')
          this.fail(`expected a property name in double quotes, found ${this.describe(this.i)}`);
        const key = this.scanString();
        this.skipSpace();
        this.expect(":", "after property name");
        this.scanValue(joinPath(path, key));
        this.skipSpace();
        if (text[this.i] === ",") {
          this.i++;
          this.skipSpace();
          if (text[this.i] === "}") this.fail("trailing comma before }");
          continue;
        }
        if (text[this.i] === '"')
          this.fail(
            `expected "," after property value, found '"' (missing comma at the end of the previous line?)`,
          );
        this.expect("}", 'or "," after property value');
        return;
      }
    }
    if (c === "[") {
      this.i++;
      this.skipSpace();
      if (text[this.i] === "]") {
        this.i++;
        return;
      }
      for (let index = 0; ; index++) {
        this.scanValue(joinPath(path, index));
        this.skipSpace();
        if (text[this.i] === ",") {
          this.i++;
          this.skipSpace();
          if (text[this.i] === "]") this.fail("trailing comma before ]");
          continue;
        }
        const at = text[this.i];
        if (at !== "]" && at !== undefined && '{["'.includes(at))
          this.fail(`expected "," between array elements, found ${this.describe(this.i)}`);
        this.expect("]", 'or "," after array element');
        return;
      }
    }
    if (c === '"') {
      this.scanString();
      return;
    }
    this.scanLiteral();
  }

  /** true, false, null or a number. */
  private scanLiteral(): void {
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.i, this.i + 400),
    );
    if (literal === null) this.fail(`expected a value, found ${this.describe(this.i)}`);
    else this.i += literal[0].length;
  }
}

/** 1-based line and column of offsets into `text`; `\r\n`, `\n` and `\r` each end a line. */
export function makeLineLocator(
  text: string,
): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "\n" || (c === "\r" && text[k + 1] !== "\n")) lineStarts.push(k + 1);
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (lineStarts[low] as number) + 1 };
  };
}
