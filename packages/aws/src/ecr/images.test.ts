import { DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { IN_ARCHIVE, IN_STANDARD, tagsAt } from "@shipshape/core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { listImageColumns, toImageInfo } from "./images.js";

const ecr = mockClient(ECRClient);
const pushedAt = new Date("2025-01-02T03:04:05Z");
const digest = (n: number) => `sha256:${String(n).padStart(64, "0")}`;

beforeEach(() => ecr.reset());

describe("listImageColumns", () => {
  it("appends every page's images, in order, skipping entries without a digest or a push time", async () => {
    ecr
      .on(DescribeImagesCommand, { nextToken: undefined })
      .resolves({
        imageDetails: [
          { imageDigest: digest(1), imageTags: ["v1", "prod"], imagePushedAt: pushedAt, imageStatus: "ACTIVE" },
          { imageTags: ["no-digest"], imagePushedAt: pushedAt },
        ],
        nextToken: "page-2",
      })
      .on(DescribeImagesCommand, { nextToken: "page-2" })
      .resolves({
        imageDetails: [
          { imageDigest: digest(2), imagePushedAt: pushedAt, imageStatus: "ARCHIVED", lastArchivedAt: pushedAt },
        ],
      });
    const columns = await listImageColumns(new ECRClient({}), { repositoryName: "app", registryId: "111111111111" });
    expect(columns.count).toBe(2);
    expect(columns.digests).toEqual([digest(1), digest(2)]);
    expect([tagsAt(columns, 0), tagsAt(columns, 1)]).toEqual([["v1", "prod"], []]);
    expect(Array.from(columns.pushedAt)).toEqual([pushedAt.getTime(), pushedAt.getTime()]);
    expect(Array.from(columns.archivedAt)).toEqual([Number.NaN, pushedAt.getTime()]);
    expect(Array.from(columns.classes)).toEqual([IN_STANDARD, IN_ARCHIVE]);
    const inputs = ecr.commandCalls(DescribeImagesCommand).map((call) => call.args[0].input);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({
      repositoryName: "app",
      registryId: "111111111111",
      filter: { imageStatus: "ANY" },
      maxResults: 1000,
    });
    expect(inputs[1]).toMatchObject({ nextToken: "page-2" });
  });

  it("holds no image for an empty repository", async () => {
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [] });
    const columns = await listImageColumns(new ECRClient({}), { repositoryName: "empty" });
    expect(columns.count).toBe(0);
    expect(columns.digests).toEqual([]);
  });
});

describe("toImageInfo", () => {
  it("keeps the fields the lifecycle evaluator reads", () => {
    const pulled = new Date("2025-02-01T00:00:00Z");
    const archived = new Date("2025-03-01T00:00:00Z");
    expect(
      toImageInfo({
        imageDigest: digest(3),
        imageTags: ["old"],
        imagePushedAt: pushedAt,
        lastRecordedPullTime: pulled,
        lastArchivedAt: archived,
        imageStatus: "ARCHIVED",
        imageSizeInBytes: 10,
      }),
    ).toEqual({
      imageDigest: digest(3),
      imageTags: ["old"],
      imagePushedAt: pushedAt,
      lastRecordedPullTime: pulled,
      lastArchivedAt: archived,
      imageStatus: "ARCHIVED",
      storageClass: "archive",
    });
  });

  it("skips an entry without a digest or a push time", () => {
    expect(toImageInfo({ imageTags: ["x"], imagePushedAt: pushedAt })).toBeUndefined();
    expect(toImageInfo({ imageDigest: digest(4) })).toBeUndefined();
  });
});
