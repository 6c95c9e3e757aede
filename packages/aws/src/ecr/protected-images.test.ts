import { columnsFromImages, evaluateImageColumns, type ImageInfo, type LifecyclePolicy } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import type { ImageUse } from "./images-in-use.js";
import { findLifecycleConflicts, findProtectedImages, parseImageReference } from "./protected-images.js";

const repositoryUri = "111111111111.dkr.ecr.us-east-1.amazonaws.com/team/web";
const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const use = (image: string): ImageUse => ({
  cluster: "prod",
  service: "web",
  taskDefinition: "web:3",
  container: "app",
  image,
});
const images: ImageInfo[] = [
  { imageDigest: digest(1), imageTags: ["v1"], imagePushedAt: "2025-01-01T00:00:00Z" },
  { imageDigest: digest(2), imageTags: ["v2", "stable"], imagePushedAt: "2025-01-02T00:00:00Z" },
  { imageDigest: digest(3), imageTags: [], imagePushedAt: "2025-01-03T00:00:00Z" },
  { imageDigest: digest(4), imageTags: ["latest"], imagePushedAt: "2025-01-04T00:00:00Z" },
];
const columns = columnsFromImages(images);

describe("parseImageReference", () => {
  it.each([
    ["nginx", { registry: "", repository: "nginx", tag: "latest" }],
    ["library/nginx:1.27", { registry: "", repository: "library/nginx", tag: "1.27" }],
    ["localhost:5000/app", { registry: "localhost:5000", repository: "app", tag: "latest" }],
    [
      `${repositoryUri}:v1`,
      { registry: "111111111111.dkr.ecr.us-east-1.amazonaws.com", repository: "team/web", tag: "v1" },
    ],
    [
      `${repositoryUri}@${digest(1)}`,
      { registry: "111111111111.dkr.ecr.us-east-1.amazonaws.com", repository: "team/web", digest: digest(1) },
    ],
    [
      `${repositoryUri}:v1@${digest(1)}`,
      {
        registry: "111111111111.dkr.ecr.us-east-1.amazonaws.com",
        repository: "team/web",
        tag: "v1",
        digest: digest(1),
      },
    ],
  ])("reads %s", (reference, expected) => {
    expect(parseImageReference(reference)).toEqual(expected);
  });
});

describe("findProtectedImages", () => {
  it.each([
    ["a tag", `${repositoryUri}:v2`, [digest(2)]],
    ["a digest", `${repositoryUri}@${digest(3)}`, [digest(3)]],
    ["a digest before the tag beside it", `${repositoryUri}:v2@${digest(1)}`, [digest(1)]],
    ["no tag, which means latest", repositoryUri, [digest(4)]],
    [
      "the FIPS endpoint of the same registry",
      "111111111111.dkr.ecr-fips.us-east-1.amazonaws.com/team/web:v1",
      [digest(1)],
    ],
    ["another repository", "111111111111.dkr.ecr.us-east-1.amazonaws.com/team/api:v1", []],
    ["another account", "222222222222.dkr.ecr.us-east-1.amazonaws.com/team/web:v1", []],
    ["another region", "111111111111.dkr.ecr.eu-west-1.amazonaws.com/team/web:v1", []],
    ["a tag no image carries", `${repositoryUri}:v9`, []],
  ])("matches the image named by %s", (_name, image, expected) => {
    expect(findProtectedImages(columns, repositoryUri, [use(image)]).map((found) => found.imageDigest)).toEqual(
      expected,
    );
  });
});

describe("findLifecycleConflicts", () => {
  const keepOne: LifecyclePolicy = {
    rules: [
      {
        rulePriority: 1,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 1 },
        action: { type: "expire" },
      },
    ],
  };

  it("names each protected image a rule would expire, and the services that use it", () => {
    const evaluation = evaluateImageColumns(keepOne, columns, new Date("2025-02-01T00:00:00Z"));
    const protectedImages = findProtectedImages(columns, repositoryUri, [
      use(`${repositoryUri}:stable`),
      use(`${repositoryUri}:latest`),
    ]);
    const conflicts = findLifecycleConflicts(evaluation, protectedImages);
    expect(conflicts).toEqual([
      {
        imageDigest: digest(2),
        imageTags: ["v2", "stable"],
        rulePriority: 1,
        action: "expire",
        usedBy: [use(`${repositoryUri}:stable`)],
      },
    ]);
  });

  it("finds none when the policy keeps every protected image", () => {
    const evaluation = evaluateImageColumns(keepOne, columns, new Date("2025-02-01T00:00:00Z"));
    expect(
      findLifecycleConflicts(evaluation, findProtectedImages(columns, repositoryUri, [use(`${repositoryUri}:latest`)])),
    ).toEqual([]);
  });
});
