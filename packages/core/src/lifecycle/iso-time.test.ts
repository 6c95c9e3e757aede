import { describe, expect, it } from "vitest";
import { parseIsoMillis } from "./internal-iso-time.js";

describe("parseIsoMillis", () => {
  it.each([
    ["2023-12-07T02:40:10.853+00:00", Date.UTC(2023, 11, 7, 2, 40, 10, 853)],
    ["2023-12-07T02:40:10Z", Date.UTC(2023, 11, 7, 2, 40, 10)],
    ["2023-12-07T02:40:10.1Z", Date.UTC(2023, 11, 7, 2, 40, 10, 100)],
    ["2023-12-07T02:40:10.12Z", Date.UTC(2023, 11, 7, 2, 40, 10, 120)],
    ["2023-12-07T02:40:10.123456Z", Date.UTC(2023, 11, 7, 2, 40, 10, 123)],
    ["2023-12-07T02:40:10.999999+05:30", Date.UTC(2023, 11, 6, 21, 10, 10, 999)],
    ["2023-12-07T02:40:10-08:00", Date.UTC(2023, 11, 7, 10, 40, 10)],
    ["2023-12-31T23:59:59-23:59", Date.UTC(2024, 0, 1, 23, 58, 59)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["1000-01-01T00:00:00Z", Date.UTC(1000, 0, 1)],
  ])("reads %s as new Date does", (text, millis) => {
    expect(parseIsoMillis(text)).toBe(millis);
    expect(new Date(text).getTime()).toBe(millis);
  });

  // Left to new Date: other shapes, local times (no offset), and fields out of range, which V8
  // reads leniently or refuses.
  it.each([
    "2023-02-29T00:00:00Z",
    "2023-04-31T00:00:00Z",
    "2023-12-07T24:00:00Z",
    "2023-12-07T02:60:10Z",
    "2023-12-07T02:40:60Z",
    "2023-13-07T02:40:10Z",
    "2023-00-07T02:40:10Z",
    "2023-12-00T02:40:10Z",
    "2023-12-07T02:40:10+24:00",
    "2023-12-07T02:40:10+05:60",
    "2023-12-07T02:40:10",
    "2023-12-07",
    "2023-12-07T02:40:10.Z",
    "2023-12-07T02:40:10.853+0000",
    "2023-12-07T02:40:10.853+00:00x",
    "2023-12-07t02:40:10Z",
    "2023-12-07 02:40:10Z",
    "0999-12-07T02:40:10Z",
    "+002023-12-07T02:40:10Z",
    "2023-1a-07T02:40:10Z",
    "",
  ])("leaves %j to new Date", (text) => {
    expect(parseIsoMillis(text)).toBeUndefined();
  });

  it("agrees with new Date on 20,000 generated times, offsets and fractions", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, "0");
    const disagreements: string[] = [];
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      const fraction = ["", ".5", ".25", ".853", ".123456", ".000000001"][next(6)];
      const zone = ["Z", "+00:00", `+${two(next(24))}:${two(next(60))}`, `-${two(next(24))}:${two(next(60))}`][next(4)];
      const text = `${1970 + next(100)}-${two(1 + next(12))}-${two(1 + next(31))}T${two(next(24))}:${two(next(60))}:${two(next(60))}${fraction}${zone}`;
      const millis = parseIsoMillis(text);
      if (millis !== undefined) read++;
      if (millis !== undefined && millis !== new Date(text).getTime()) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
    // Only the days past a month's end (29 to 31) go to new Date.
    expect(read).toBeGreaterThan(19_000);
  });
});
