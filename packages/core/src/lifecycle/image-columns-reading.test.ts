import { describe, expect, it } from "vitest";
import { columnsFromImages, IN_ARCHIVE, IN_STANDARD, RESTORING, tagsAt } from "./image-columns.js";
import { readImageColumnsJson } from "./image-details.js";
import { readWholeFile } from "./test-support/whole-file-reading.js";
import { ImageColumnsBuilder } from "./image-columns.js";
import { ImageDetailScanner, isoTime } from "./internal-image-scanner.js";

const bytesOf = (text: string) => new TextEncoder().encode(text);
const describeImages = (...entries: string[]) => bytesOf(`{"imageDetails": [\n  ${entries.join(",\n  ")}\n]}`);

/** readImageColumnsJson must answer as the whole file parsed at once does, in columns. */
function expectSameAsObjectPath(bytes: Uint8Array) {
  const columns = readImageColumnsJson(bytes);
  const objects = readWholeFile(bytes);
  expect(columns.problems).toEqual(objects.problems);
  expect(columns.syntaxError).toEqual(objects.syntaxError);
  expect(columns.columns).toEqual(columnsFromImages(objects.images));
  return columns;
}

/** Whether the scan reads the one entry itself (true) or leaves it to JSON.parse (false). */
function scanTakes(entry: string): boolean {
  const bytes = bytesOf(entry);
  return new ImageDetailScanner(bytes).scan(0, bytes.length, new ImageColumnsBuilder(1));
}

const plain = '"imageDigest": "sha256:aa", "imagePushedAt": "2026-01-02T03:04:05.678000+00:00"';

describe("readImageColumnsJson", () => {
  it("reads every field the lifecycle needs into columns", () => {
    const { columns, problems } = expectSameAsObjectPath(
      describeImages(
        `{"registryId": "123456789012", ${plain}, "imageTags": ["v1", "prod"], "imageSizeInBytes": 2.5e7, "lastRecordedPullTime": "2026-02-01T00:00:00Z", "imageStatus": "ACTIVE"}`,
        '{"imageDigest": "sha256:bb", "imagePushedAt": 1767322800.5, "imageStatus": "ARCHIVED", "lastArchivedAt": "2026-03-01T00:00:00-05:30"}',
        '{"imageDigest": "sha256:cc", "imagePushedAt": "2026-01-01T00:00:00Z", "imageStatus": "ACTIVATING", "lastActivatedAt": 1767322800}',
        '{"imageDigest": "sha256:dd", "imagePushedAt": "2026-01-01T00:00:00Z", "imageStatus": "ARCHIVED", "storageClass": "Standard"}',
      ),
    );
    expect(problems).toEqual([]);
    expect(columns.digests).toEqual(["sha256:aa", "sha256:bb", "sha256:cc", "sha256:dd"]);
    expect([0, 1, 2, 3].map((index) => tagsAt(columns, index))).toEqual([["v1", "prod"], [], [], []]);
    expect(Array.from(columns.pushedAt)).toEqual([
      Date.parse("2026-01-02T03:04:05.678Z"),
      1767322800500,
      Date.parse("2026-01-01T00:00:00Z"),
      Date.parse("2026-01-01T00:00:00Z"),
    ]);
    expect(columns.pulledAt[0]).toBe(Date.parse("2026-02-01T00:00:00Z"));
    expect(columns.archivedAt[1]).toBe(Date.parse("2026-03-01T05:30:00Z"));
    expect(columns.activatedAt[2]).toBe(1767322800000);
    expect(Array.from(columns.classes)).toEqual([IN_STANDARD, IN_ARCHIVE, RESTORING, IN_STANDARD]);
  });

  it.each([
    ["an escaped digest", '{"imageDigest": "sha256:\\u0061a", "imagePushedAt": "2026-01-01T00:00:00Z"}'],
    ["a non-ASCII tag", `{${plain}, "imageTags": ["v1-é"]}`],
    ["a tag that is not a string", `{${plain}, "imageTags": ["v1", 2, null]}`],
    ["null tags", `{${plain}, "imageTags": null}`],
    ["a missing digest", '{"imagePushedAt": "2026-01-01T00:00:00Z"}'],
    ["a missing push time", '{"imageDigest": "sha256:aa"}'],
    ["a push time that is no time", '{"imageDigest": "sha256:aa", "imagePushedAt": "last tuesday"}'],
    ["an empty pull time", `{${plain}, "lastRecordedPullTime": ""}`],
    ["a null pull time", `{${plain}, "lastRecordedPullTime": null}`],
    ["a push time out of Date's range", '{"imageDigest": "sha256:aa", "imagePushedAt": 1e13}'],
    ["a key given twice", `{${plain}, "imageDigest": "sha256:zz"}`],
    ["an escaped key", '{"image\\u0044igest": "sha256:aa", "imagePushedAt": "2026-01-01T00:00:00Z"}'],
    ["an entry that is no object", '"sha256:aa"'],
    ["null", "null"],
  ])("leaves %s to JSON.parse, with the same answer", (_name, entry) => {
    expect(scanTakes(entry)).toBe(false);
    expectSameAsObjectPath(describeImages(`{${plain}}`, entry, `{"imageDigest": "sha256:ee", "imagePushedAt": 5}`));
  });

  it.each([
    [
      "nested objects and escapes it skips",
      `{${plain}, "imageScanFindingsSummary": {"findingSeverityCounts": {"HIGH": 2}, "note": "a \\"b\\" \\u00e9"}, "x": [true, false, null, -0.5e-3, []]}`,
    ],
    ["non-ASCII in a field it skips", `{${plain}, "repositoryName": "dépôt"}`],
    ["no space at all", '{"imageDigest":"sha256:aa","imageTags":["a","b"],"imagePushedAt":"2026-01-01T00:00:00Z"}'],
    ["spaces everywhere", '{ "imageDigest" :\t"sha256:aa" ,\r\n "imageTags" : [ "a" , "b" ] , "imagePushedAt" : -1 }'],
    ["an empty tag list", `{${plain}, "imageTags": []}`],
    ["a status and class that are no strings (ignored)", `{${plain}, "imageStatus": 3, "storageClass": ["archive"]}`],
    ["an unknown status and class", `{${plain}, "imageStatus": "GONE", "storageClass": "COLD"}`],
    ["epoch seconds with an exponent", '{"imageDigest": "sha256:aa", "imagePushedAt": 1.7e9}'],
  ])("reads %s itself", (_name, entry) => {
    expect(scanTakes(entry)).toBe(true);
    expectSameAsObjectPath(describeImages(entry));
  });

  it.each([
    ["a control character in a string", `{${plain}, "repositoryName": "a\tb"}`],
    ["a bad escape", `{${plain}, "repositoryName": "a\\qb"}`],
    ["a number with a leading zero", `{${plain}, "imageSizeInBytes": 012}`],
    ["a bare word", `{${plain}, "imageSizeInBytes": nul}`],
    ["a missing colon", `{${plain}, "imageSizeInBytes" 12}`],
    ["a trailing comma", `{${plain},}`],
    ["a half number", `{${plain}, "imageSizeInBytes": 1.}`],
  ])("refuses %s as JSON.parse does", (_name, entry) => {
    expect(scanTakes(entry)).toBe(false);
    const { syntaxError } = expectSameAsObjectPath(describeImages(`{${plain}}`, entry));
    expect(syntaxError).toBeDefined();
  });

  it("reads a bare array and names the entries it cannot read as before", () => {
    const { problems } = expectSameAsObjectPath(bytesOf(`[{${plain}}, {"imageDigest": 1}, {"imagePushedAt": 0}]`));
    expect(problems).toEqual(["[1]: imageDigest is missing", "[2]: imageDigest is missing"]);
  });

  it("falls back to the whole file when it is shaped otherwise", () => {
    expectSameAsObjectPath(bytesOf(`{"imageDetails": [{${plain}}], "imageDetails": []}`));
    expectSameAsObjectPath(bytesOf('{"nextToken": "x"}'));
    expectSameAsObjectPath(bytesOf("[1, 2"));
  });
});

describe("isoTime", () => {
  it.each([
    "2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.6Z",
    "2026-01-02T03:04:05.67+01:00",
    "2026-01-02T03:04:05.678901-11:45",
    "2026-01-02T03:04:05.123456789+00:00",
    "2024-02-29T23:59:59.999Z",
    "1999-12-31T23:59:59+23:59",
    // Not of the plain form: Date.parse reads them.
    "2023-02-29T00:00:00Z",
    "2026-01-02T24:00:00Z",
    "2026-01-02T03:04:05",
    "2026-01-02",
    "2026-01-02T03:04:05.Z",
    "2026-01-02T03:04:05.1234567890Z",
    "2026-01-02T03:04:05+0100",
    "0050-01-02T03:04:05Z",
    "2026-13-02T03:04:05Z",
    "2026-01-02T03:04:60Z",
    "2026-01-02T03:04:05z",
    "2026-01-02 03:04:05Z",
    "Fri, 04 Dec 2026 10:00:00 GMT",
    "not a time",
  ])("reads %s as Date.parse does", (text) => {
    const bytes = bytesOf(`"${text}"`);
    expect(isoTime(bytes, 1, bytes.length - 1)).toEqual(Date.parse(text));
  });
});
