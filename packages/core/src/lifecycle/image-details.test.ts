import { describe, expect, it } from "vitest";
import { columnsFromImages, tagsAt } from "./image-columns.js";
import { readImageColumnsJson, readImageDetails } from "./image-details.js";

describe("readImageDetails", () => {
  it("reads describe-images output with ISO and epoch times", () => {
    const { images, problems } = readImageDetails({
      imageDetails: [
        {
          imageDigest: "sha256:a",
          imageTags: ["v1"],
          imagePushedAt: "2026-01-02T03:04:05+00:00",
          lastRecordedPullTime: 1767322800.5,
        },
        { imageDigest: "sha256:b", imagePushedAt: 1767322800, imageStatus: "ARCHIVED" },
      ],
    });
    expect(problems).toEqual([]);
    expect(images).toEqual([
      {
        imageDigest: "sha256:a",
        imageTags: ["v1"],
        imagePushedAt: new Date("2026-01-02T03:04:05Z"),
        lastRecordedPullTime: new Date(1767322800500),
      },
      {
        imageDigest: "sha256:b",
        imageTags: [],
        imagePushedAt: new Date(1767322800000),
        imageStatus: "ARCHIVED",
        storageClass: "archive",
      },
    ]);
  });

  it("reads a bare array, and names the entries it cannot read", () => {
    const { images, problems } = readImageDetails([
      { imageDigest: "sha256:a", imagePushedAt: "2026-01-01" },
      { imagePushedAt: "x" },
      { imageDigest: "sha256:c" },
    ]);
    expect(images.map((image) => image.imageDigest)).toEqual(["sha256:a"]);
    expect(problems).toEqual(["[1]: imageDigest is missing", "[2]: imagePushedAt is missing or not a time"]);
  });

  it("refuses what is not describe-images output", () => {
    expect(readImageDetails({ images: [] }).problems[0]).toContain("describe-images");
  });
});

describe("readImageColumnsJson", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const details = [
    { imageDigest: "sha256:a", imageTags: ['q"uo\\te]},{', "v1"], imagePushedAt: "2026-01-02T03:04:05+00:00" },
    { imageDigest: "sha256:b", imagePushedAt: 1767322800, imageStatus: "ARCHIVED" },
    { imageDigest: "sha256:c" },
  ];

  it.each([
    [
      "describe-images output, indented",
      JSON.stringify({ imageDetails: details, nextToken: null }, null, 4),
      "imageDetails",
    ],
    ["a bare array after a byte-order mark", `\uFEFF${JSON.stringify(details)}`, ""],
    [
      "other keys around the list",
      JSON.stringify({ a: { b: [1, "]"] }, imageDetails: details, z: "}" }),
      "imageDetails",
    ],
  ])("reads %s as readImageDetails does", (_name, text, where) => {
    const reading = readImageColumnsJson(bytes(text));
    const objects = readImageDetails(JSON.parse(text.replace(/^\uFEFF/, "")));
    expect(reading).toEqual({ columns: columnsFromImages(objects.images), problems: objects.problems });
    expect(reading.problems).toEqual([`${where}[2]: imagePushedAt is missing or not a time`]);
    expect(tagsAt(reading.columns, 0)).toEqual(['q"uo\\te]},{', "v1"]);
  });

  it("reads every entry of a long list", () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      imageDigest: `sha256:${i}`,
      imagePushedAt: 1767322800 + i,
    }));
    const reading = readImageColumnsJson(bytes(JSON.stringify({ imageDetails: many })));
    expect(reading.columns.digests).toEqual(many.map((entry) => entry.imageDigest));
  });

  it.each([
    ['{"imageDetails": [{"imageDigest": "sha256:a",}]}'],
    ['{"imageDetails": [], "x": tru}'],
    ['{"imageDetails": [{"imageDigest": "sha256:a"}'],
    ["[1, 2] 3"],
  ])("says why %s is not JSON", (text) => {
    const reading = readImageColumnsJson(bytes(text));
    expect(reading.syntaxError).toBeTruthy();
    expect(reading.columns.count).toBe(0);
  });

  it("follows JSON.parse on shapes the scan leaves to it", () => {
    const twice = '{"imageDetails": [], "imageDetails": [{"imageDigest": "sha256:a", "imagePushedAt": 1}]}';
    expect(readImageColumnsJson(bytes(twice)).columns.digests).toEqual(["sha256:a"]);
    expect(readImageColumnsJson(bytes('{"images": []}')).problems[0]).toContain("describe-images");
  });
});
