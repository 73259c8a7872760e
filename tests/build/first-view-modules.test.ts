import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { firstViewModules } from "../../src/build/first-view-modules.ts";

describe("firstViewModules", () => {
  const first = firstViewModules("src/main.tsx");
  const has = (path: string) => first.has(resolve(path));

  it("follows the entry's static imports", () => {
    expect(has("src/main.tsx")).toBe(true);
    expect(has("src/ui/App.tsx")).toBe(true);
    expect(has("src/state/load.ts")).toBe(true);
  });

  it("leaves out what only a dynamic import or a type import reaches", () => {
    expect(has("src/ui/curate/CuratePanel.tsx")).toBe(false); // lazy() in App.tsx
    expect(has("src/ui/save-image.ts")).toBe(false); // import() on "Image"
    expect(has("src/model/encodings/binary-decode.ts")).toBe(false); // import() for .vsmb
    expect(has("src/model/validate/validate.ts")).toBe(false); // curate mode's validator
  });
});
