// `aws ecr describe-images` output for N generated images, for `shipshape lifecycle preview`:
//   node bench/lifecycle-images.mjs --count 1000000 --out bench/.out/images-1000000.json
// Seeded, so a count always gives the same file. The mix follows a busy repository: a third
// untagged (build layers, replaced tags), release tags v1.2.3 and release-N, commit tags sha-xxxx,
// environment tags on some images, pull times on most, a few images archived or being restored.
import { closeSync, openSync, writeSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { mulberry32 as random } from "./corpus.mjs";


const START = Date.parse("2023-01-01T00:00:00Z");
const END = Date.parse("2026-12-01T00:00:00Z");

function hex(next, length) {
  let text = "";
  while (text.length < length)
    text += Math.floor(next() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return text.slice(0, length);
}

/** One ImageDetail as the AWS CLI prints it (times as ISO strings with an offset). */
export function imageDetail(index, next) {
  const pushed = START + Math.floor(next() * (END - START));
  const kind = next();
  const tags = [];
  if (kind < 0.33) {
    // untagged
  } else if (kind < 0.55) {
    tags.push(`v${1 + (index % 7)}.${index % 40}.${index}`);
  } else if (kind < 0.7) {
    tags.push(`release-${index}`);
  } else {
    tags.push(`sha-${hex(next, 7)}`);
  }
  if (tags.length > 0 && next() < 0.1) tags.push(["prod", "staging", "dev"][Math.floor(next() * 3)]);
  const detail = {
    registryId: "123456789012",
    repositoryName: "orders",
    imageDigest: `sha256:${hex(next, 64)}`,
    ...(tags.length > 0 ? { imageTags: tags } : {}),
    imageSizeInBytes: 20_000_000 + Math.floor(next() * 80_000_000),
    imagePushedAt: new Date(pushed).toISOString().replace("Z", "+00:00"),
    imageManifestMediaType: "application/vnd.oci.image.manifest.v1+json",
    artifactMediaType: "application/vnd.oci.image.config.v1+json",
  };
  if (next() < 0.7) detail.lastRecordedPullTime = new Date(pushed + Math.floor(next() * (END - pushed))).toISOString();
  const status = next();
  if (status < 0.02) {
    detail.imageStatus = "ARCHIVED";
    detail.lastArchivedAt = new Date(pushed + Math.floor(next() * (END - pushed))).toISOString();
  } else if (status < 0.021) detail.imageStatus = "ACTIVATING";
  else detail.imageStatus = "ACTIVE";
  return detail;
}

/** Writes `{"imageDetails": [...]}` with `count` images to `file`, in chunks (a million fit in ~330 MB). */
export function writeDescribeImages(file, count, seed = 15) {
  const next = random(seed);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, '{\n  "imageDetails": [\n');
    let chunk = [];
    for (let index = 0; index < count; index++) {
      chunk.push(`    ${JSON.stringify(imageDetail(index, next))}${index < count - 1 ? "," : ""}`);
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join("\n")}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join("\n")}\n`);
    writeSync(fd, "  ]\n}\n");
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string" } },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 0 || !values.out) {
    console.error("usage: node bench/lifecycle-images.mjs --count N --out FILE [--seed N]");
    process.exit(2);
  }
  writeDescribeImages(values.out, count, values.seed === undefined ? 15 : Number(values.seed));
}
