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
  const offsets = new Map<string, number>();
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new SyntaxProblem(at, message);
  };
  const describe = (at: number): string => {
    const char = text[at];
    if (char === undefined) return "end of file";
    return /[\s\x00-\x1f]/.test(char) ? JSON.stringify(char) : `'${char}'`;
  };
  const skipSpace = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const expect = (char: string, context: string): void => {
    if (text[i] !== char) fail(`expected ${JSON.stringify(char)} ${context}, found ${describe(i)}`);
    i++;
  };

  const scanString = (): string => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c < 0x20)
        fail(
          "line break or control character inside a string (strings must close on the same line)",
        );
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("bad \\u escape in string");
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail(`bad escape \\${next ?? ""} in string`);
        }
        continue;
      }
      i++;
    }
    return fail("unterminated string", start);
  };

  const scanValue = (path: string): void => {
    skipSpace();
    offsets.set(path, i);
    const c = text[i];
    if (c === "{") {
      i++;
      skipSpace();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"')
          fail(`expected a property name in double quotes, found ${describe(i)}`);
        const key = scanString();
        skipSpace();
        expect(":", "after property name");
        scanValue(joinPath(path, key));
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "}") fail("trailing comma before }");
          continue;
        }
        if (text[i] === '"')
          fail(
            `expected "," after property value, found '"' (missing comma at the end of the previous line?)`,
          );
        expect("}", 'or "," after property value');
        return;
      }
    }
    if (c === "[") {
      i++;
      skipSpace();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        scanValue(joinPath(path, index));
        skipSpace();
        if (text[i] === ",") {
          i++;
          skipSpace();
          if (text[i] === "]") fail("trailing comma before ]");
          continue;
        }
        if (text[i] !== "]" && text[i] !== undefined && '{["'.includes(text[i] as string))
          fail(`expected "," between array elements, found ${describe(i)}`);
        expect("]", 'or "," after array element');
        return;
      }
    }
    if (c === '"') {
      scanString();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (literal === null) fail(`expected a value, found ${describe(i)}`);
    else i += literal[0].length;
  };

  try {
    scanValue("");
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return { ok: true, offsets };
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { ok: false, offset: error.offset, message: error.message };
    // Only pathological nesting gets here (stack overflow): no position is better than a crash.
    return { ok: false, offset: 0, message: "document too deeply nested to scan" };
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
