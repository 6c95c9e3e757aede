import { defineRule } from "./define.js";
import { literalImages, parseImageReference } from "./support/security-image-ref.js";

export default defineRule({
  id: "image-digest-pinned",
  title: "Container images are pinned by digest",
  severity: "info",
  recommended: false,
  description: "A container image is referenced by digest (@sha256:…), not only by tag. Off in the recommended preset; the strict preset turns it on.",
  rationale:
    "A tag can be pushed again to point at other content (unless the ECR repository has immutable tags); a digest names exactly one image, so every task of a revision runs the same bytes.",
  fix: "Append the digest the registry reports for the image: app:1.4.2@sha256:<digest> (ECS resolves tags to digests at deploy time, but the task definition then still says the tag).",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
  ],
  messages: {
    notByDigest: 'container "{{container}}" image "{{image}}" is referenced by tag, which can be moved: pin its digest ({{image}}@sha256:…)',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const { container, node, image } of literalImages(task)) {
        if (parseImageReference(image).digest === undefined) report(node, "notByDigest", { container: container.name, image });
      }
    },
  },
});
