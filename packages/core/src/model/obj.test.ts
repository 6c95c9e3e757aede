import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MapNode } from "../document/node.js";
import { normalizeKey, Obj } from "./obj.js";

const scalar = (value: string) => ({ kind: "scalar", value, start: 0, end: 0 }) as const;
const map = (entries: [string, string][]): MapNode => ({
  kind: "map",
  start: 0,
  end: 0,
  entries: entries.map(([key, value]) => ({ key, keyNode: scalar(key), value: scalar(value) })),
});
const filler = (count: number): [string, string][] => Array.from({ length: count }, (_, i) => [`filler${i}`, "x"]);

describe("Obj.get", () => {
  it.each([
    ["camelCase", "networkMode"],
    ["PascalCase", "NetworkMode"],
    ["snake_case", "network_mode"],
    ["upper case", "NETWORK_MODE"],
  ])("finds a key written in %s", (_style, written) => {
    expect(new Obj(map([["family", "web"], [written, "awsvpc"]])).str("networkMode")).toBe("awsvpc");
  });

  it.each([
    ["a small map", 0],
    ["a large map", 40],
  ])("takes the last of two spellings of one key in %s", (_size, extra) => {
    const props = new Obj(map([["Name", "first"], ...filler(extra), ["name", "second"]]));
    expect(props.str("NAME")).toBe("second");
  });

  it("leaves keys beyond ASCII to toLowerCase, as normalizeKey does", () => {
    const props = new Obj(map([["İmage", "a"], ["ΣIGMA", "b"]]));
    expect(props.str("İmage")).toBe("a");
    expect(props.str("image")).toBeUndefined();
    expect(normalizeKey("ΣIGMA")).toBe("σigma");
    expect(props.str("σigma")).toBe("b");
  });

  it("finds nothing for a prefix or an extension of a key", () => {
    const props = new Obj(map([["memory", "512"]]));
    expect(props.get("mem")).toBeUndefined();
    expect(props.get("memoryReservation")).toBeUndefined();
  });
});

describe("Obj.get on any keys", () => {
  // Characters that stress the normalization: underscores, case, and letters whose lower case is
  // ASCII or longer than one character (the Kelvin sign lower-cases to "k", İ to "i̇").
  const keyText = fc
    .array(fc.constantFrom("_", "a", "A", "k", "K", "\u212a", "i", "\u0130", "\u00df", "-", "1"), { maxLength: 4 })
    .map((chars) => chars.join(""));

  it("finds the last entry whose key normalizes as the asked key does", () => {
    fc.assert(
      fc.property(fc.array(keyText, { maxLength: 20 }), keyText, (keys, asked) => {
        const props = new Obj(map(keys.map((key, index) => [key, String(index)])));
        const wanted = normalizeKey(asked);
        const last = keys.findLastIndex((key) => normalizeKey(key) === wanted);
        expect(props.str(asked)).toBe(last === -1 ? undefined : String(last));
      }),
      { numRuns: 2000 },
    );
  });
});
