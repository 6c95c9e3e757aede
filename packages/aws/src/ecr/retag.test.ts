import {
  BatchGetImageCommand,
  ECRClient,
  ImageAlreadyExistsException,
  ImageTagAlreadyExistsException,
  PutImageCommand,
} from "@aws-sdk/client-ecr";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { MANIFEST_MEDIA_TYPES, retagImage } from "./retag.js";

const ecr = mockClient(ECRClient);
const client = new ECRClient({});
const manifest = '{"schemaVersion":2,"config":{},"layers":[]}';
const ociIndex = "application/vnd.oci.image.index.v1+json";
const digest = `sha256:${"a".repeat(64)}`;
const request = {
  repositoryName: "app",
  registryId: "111111111111",
  sourceTag: "sha-1234",
  targetTags: ["v1.2.0", "prod"],
};

beforeEach(() => {
  ecr.reset();
  ecr.on(BatchGetImageCommand).resolves({
    images: [
      {
        imageId: { imageDigest: digest, imageTag: "sha-1234" },
        imageManifest: manifest,
        imageManifestMediaType: ociIndex,
      },
    ],
  });
});

describe("retagImage", () => {
  it("puts the same manifest, media type and digest under each new tag", async () => {
    ecr.on(PutImageCommand).resolves({});
    const result = await retagImage(client, request);
    expect(result).toEqual({
      imageDigest: digest,
      imageManifestMediaType: ociIndex,
      added: ["v1.2.0", "prod"],
      alreadyPresent: [],
    });
    expect(ecr.commandCalls(BatchGetImageCommand)[0]!.args[0].input).toEqual({
      repositoryName: "app",
      registryId: "111111111111",
      imageIds: [{ imageTag: "sha-1234" }],
      acceptedMediaTypes: MANIFEST_MEDIA_TYPES,
    });
    expect(ecr.commandCalls(PutImageCommand).map((call) => call.args[0].input)).toEqual(
      ["v1.2.0", "prod"].map((imageTag) => ({
        repositoryName: "app",
        registryId: "111111111111",
        imageTag,
        imageManifest: manifest,
        imageManifestMediaType: ociIndex,
        imageDigest: digest,
      })),
    );
  });

  it("treats a tag that already names the image as done", async () => {
    ecr
      .on(PutImageCommand, { imageTag: "v1.2.0" })
      .rejects(new ImageAlreadyExistsException({ message: "already exists", $metadata: {} }))
      .on(PutImageCommand, { imageTag: "prod" })
      .resolves({});
    const result = await retagImage(client, request);
    expect(result).toMatchObject({ added: ["prod"], alreadyPresent: ["v1.2.0"] });
  });

  it("explains an immutable tag that names another image", async () => {
    ecr.on(PutImageCommand).rejects(new ImageTagAlreadyExistsException({ message: "tag exists", $metadata: {} }));
    await expect(retagImage(client, request)).rejects.toThrow(
      "cannot tag app:sha-1234 as v1.2.0: the tag names another image and the repository's tags are immutable",
    );
  });

  it("fails with ECR's reason when the source tag is missing", async () => {
    ecr.on(BatchGetImageCommand).resolves({
      images: [],
      failures: [
        { imageId: { imageTag: "sha-1234" }, failureCode: "ImageNotFound", failureReason: "Requested image not found" },
      ],
    });
    await expect(retagImage(client, request)).rejects.toThrow(
      "cannot retag app:sha-1234 in registry 111111111111: Requested image not found",
    );
    expect(ecr.commandCalls(PutImageCommand)).toHaveLength(0);
  });
});
