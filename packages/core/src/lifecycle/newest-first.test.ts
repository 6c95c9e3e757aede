import { describe, expect, it } from "vitest";
import { sortNewestFirst } from "./internal-newest-first.js";

/** What the radix sort replaces: a comparison sort, newest first, equal times by digest. */
function comparisonSort(indices: number[], times: Float64Array, digests: string[]): number[] {
  return [...indices].sort(
    (a, b) => (times[b] as number) - (times[a] as number) || ((digests[a] as string) < (digests[b] as string) ? -1 : 1),
  );
}

function seeded(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
}

const MAX_TIME = 8.64e15;

describe("sortNewestFirst", () => {
  it.each([
    ["no images", [], []],
    ["one image", [5], [0]],
    ["distinct times", [1, 3, 2], [1, 2, 0]],
    ["equal times, by digest", [7, 7, 7], [0, 1, 2]],
    ["times before 1970", [-1, 0, -86_400_000, 1], [3, 1, 0, 2]],
    ["the ends of new Date's range", [MAX_TIME, -MAX_TIME, 0, MAX_TIME - 1, -MAX_TIME + 1], [0, 3, 2, 4, 1]],
    ["times a whole 2^32 ms apart", [2 ** 32, 0, 2 ** 33, 2 ** 32 + 1], [2, 3, 0, 1]],
  ])("orders %s", (_name, timeList, expected) => {
    const times = Float64Array.from(timeList);
    const digests = timeList.map((_, i) => `sha256:${i}`);
    expect(
      sortNewestFirst(
        timeList.map((_, i) => i),
        times,
        (i) => digests[i] as string,
      ),
    ).toEqual(expected);
  });

  it("breaks ties by digest, not by position", () => {
    const times = Float64Array.from([10, 10, 20, 10]);
    const digests = ["sha256:c", "sha256:a", "sha256:z", "sha256:b"];
    expect(sortNewestFirst([0, 1, 2, 3], times, (i) => digests[i] as string)).toEqual([2, 1, 3, 0]);
  });

  it("sorts only the indices it is given", () => {
    const times = Float64Array.from([1, 100, 2, 50, 3]);
    expect(sortNewestFirst([4, 0, 2], times, String)).toEqual([4, 2, 0]);
  });

  it.each([
    ["spread over a century", 3_155_760_000_000],
    ["crowded into ten seconds (many ties)", 10_000],
    ["spread over new Date's whole range", 2 * MAX_TIME],
  ])("agrees with a comparison sort on 50,000 times %s", (_name, span) => {
    const next = seeded(span % 1000);
    const count = 50_000;
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++)
      times[i] = Math.min(
        MAX_TIME,
        Math.floor((next(1_000_000) / 1_000_000) * span) - (span > MAX_TIME ? MAX_TIME : 0) + next(1000),
      );
    const digests = Array.from(
      { length: count },
      () => `sha256:${next(1 << 30).toString(16)}${next(1 << 30).toString(16)}`,
    );
    const indices = Array.from({ length: count }, (_, i) => i).filter((i) => i % 7 !== 0);
    expect(sortNewestFirst(indices, times, (i) => digests[i] as string)).toEqual(
      comparisonSort(indices, times, digests),
    );
  });
});
