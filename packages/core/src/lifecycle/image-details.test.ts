import { describe, expect, it } from "vitest";
import { readImageDetails } from "./image-details.js";

describe("readImageDetails", () => {
  it("reads describe-images output with ISO and epoch times", () => {
    const { images, problems } = readImageDetails({
      imageDetails: [
        { imageDigest: "sha256:a", imageTags: ["v1"], imagePushedAt: "2026-01-02T03:04:05+00:00", lastRecordedPullTime: 1767322800.5 },
        { imageDigest: "sha256:b", imagePushedAt: 1767322800, imageStatus: "ARCHIVED" },
      ],
    });
    expect(problems).toEqual([]);
    expect(images).toEqual([
      { imageDigest: "sha256:a", imageTags: ["v1"], imagePushedAt: new Date("2026-01-02T03:04:05Z"), lastRecordedPullTime: new Date(1767322800500) },
      { imageDigest: "sha256:b", imageTags: [], imagePushedAt: new Date(1767322800000), imageStatus: "ARCHIVED", storageClass: "archive" },
    ]);
  });

  it("reads a bare array, and names the entries it cannot read", () => {
    const { images, problems } = readImageDetails([{ imageDigest: "sha256:a", imagePushedAt: "2026-01-01" }, { imagePushedAt: "x" }, { imageDigest: "sha256:c" }]);
    expect(images.map((image) => image.imageDigest)).toEqual(["sha256:a"]);
    expect(problems).toEqual(["[1]: imageDigest is missing", "[2]: imagePushedAt is missing or not a time"]);
  });

  it("refuses what is not describe-images output", () => {
    expect(readImageDetails({ images: [] }).problems[0]).toContain("describe-images");
  });
});
