import { entry, type Node, toPlain } from "../document/node.js";
import { formatLifecyclePath } from "../lifecycle/describe.js";
import type { LifecyclePath } from "../lifecycle/types.js";
import { validateLifecyclePolicy } from "../lifecycle/validate.js";
import { defineRule } from "./define.js";

export default defineRule({
  id: "lifecycle-policy-valid",
  title: "ECR lifecycle policies are valid",
  severity: "error",
  description:
    "An ECR lifecycle policy (a policy file, get-lifecycle-policy output, or a CloudFormation LifecyclePolicyText) must be one that PutLifecyclePolicy accepts and that does what its rules say.",
  rationale:
    "ECR refuses an invalid lifecycle policy when it is put, which fails the deployment that carries it; some mistakes (a second rule with the same tag filter) leave rules that can never act.",
  fix: 'Follow the lifecycle policy properties of the ECR User Guide: unique rulePriority values, tagged rules with exactly one of tagPatternList / tagPrefixList, countUnit "days" only with the since* count types, countNumber of 1 or more, the `any` rule last, at most 50 rules, no unknown or null fields.',
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html",
  ],
  messages: {
    notJson: "The lifecycle policy text is not JSON: {{error}}",
    invalid: "{{where}}: {{problem}}",
    invalidWithFix: "{{where}}: {{problem}} (fix: {{fix}})",
  },
  check: {
    lifecyclePolicy(policy, { report }) {
      if (policy.parseError !== undefined) {
        report(policy.policy, "notJson", { error: policy.parseError });
        return;
      }
      if (policy.policy.kind === "tagged") return; // an intrinsic function: known only at deploy time
      for (const problem of validateLifecyclePolicy(toPlain(policy.policy))) {
        const where = problem.path.length === 0 ? "the policy" : formatLifecyclePath(problem.path);
        const node = nodeAt(policy.policy, problem.path);
        if (problem.fix === undefined) report(node, "invalid", { where, problem: problem.message });
        else report(node, "invalidWithFix", { where, problem: problem.message, fix: problem.fix });
      }
    },
  },
});

/** The node a path into the policy leads to, or the deepest one on the way that exists. */
function nodeAt(root: Node, path: LifecyclePath): Node {
  let node = root;
  for (const part of path) {
    let next: Node | undefined;
    if (node.kind === "map" && typeof part === "string") next = entry(node, part);
    else if (node.kind === "seq" && typeof part === "number") next = node.items[part];
    if (next === undefined) return node;
    node = next;
  }
  return node;
}
