import { defineRule } from "./define.js";
import { literalImages, parseImageReference } from "./support/security-image-ref.js";

export default defineRule({
  id: "image-tag-pinned",
  title: "Container images name a version",
  severity: "error",
  description:
    "A container image must carry a tag other than latest, or a digest (@sha256:…). Registry ports (host:5000/app) are not tags; CloudFormation !Sub images are known only at deploy time.",
  rationale:
    "An image without a tag means latest, and latest moves: two tasks of one revision can run different code, a rollback to the previous task definition does not roll the code back, and nobody can tell what is running.",
  fix: "Reference an immutable version: a release tag (app:1.4.2, app:git-9fceb02) or a digest (app@sha256:…).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
  ],
  messages: {
    noTag: 'container "{{container}}" image "{{image}}" has no tag, so it means "latest": pin a version tag ({{repository}}:1.2.3) or a digest ({{repository}}@sha256:…)',
    latestTag: 'container "{{container}}" image "{{image}}" uses the moving tag "latest": pin a version tag ({{repository}}:1.2.3) or a digest ({{repository}}@sha256:…)',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const { container, node, image } of literalImages(task)) {
        const reference = parseImageReference(image);
        if (reference.digest !== undefined) continue;
        const text = image.trim();
        const repository = reference.tag === undefined ? text : text.slice(0, text.lastIndexOf(":"));
        const data = { container: container.name, image, repository };
        if (reference.tag === undefined) report(node, "noTag", data);
        else if (reference.tag.toLowerCase() === "latest") report(node, "latestTag", data);
      }
    },
  },
});
