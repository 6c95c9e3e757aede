import { describe, expect, it } from "vitest";
import { indexDigests } from "./internal-digest-index.js";

const digest = (i: number) => `sha256:${i.toString(16).padStart(64, "0")}`;

describe("indexDigests", () => {
  it.each([
    ["no digests", [], ["sha256:a"], [undefined]],
    ["one digest", ["sha256:a"], ["sha256:a", "sha256:b", ""], [0, undefined, undefined]],
    ["the empty string", ["", "x"], ["", "x", "y"], [0, 1, undefined]],
    [
      "digests that differ in one character",
      ["sha256:ab", "sha256:ba", "sha256:aa"],
      ["sha256:ba", "sha256:aa", "sha256:bb"],
      [1, 2, undefined],
    ],
  ])("finds every digest of %s, and nothing else", (_name, digests, asked, expected) => {
    const built = indexDigests(digests);
    if (built.duplicate !== undefined) throw new Error("unexpected duplicate");
    expect(asked.map((d) => built.index.indexOf(d))).toEqual(expected);
  });

  it("finds each of 100,000 digests at its index, past many collisions of the slots", () => {
    const digests = Array.from({ length: 100_000 }, (_, i) => digest(i));
    const built = indexDigests(digests);
    if (built.duplicate !== undefined) throw new Error("unexpected duplicate");
    const misplaced = digests.filter((d, i) => built.index.indexOf(d) !== i);
    expect(misplaced).toEqual([]);
    expect(built.index.indexOf(digest(100_000))).toBeUndefined();
  });

  it.each([
    ["twice in a row", ["a", "a"], "a"],
    ["far apart", ["a", "b", "c", "d", "b"], "b"],
    ["the first of two repeated digests", ["x", "y", "y", "x"], "y"],
  ])("names a digest listed %s", (_name, digests, duplicate) => {
    expect(indexDigests(digests).duplicate).toBe(duplicate);
  });
});
