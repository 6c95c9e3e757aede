import { defineRule } from "./define.js";

export default defineRule({
  id: "ecr-lifecycle-policy-present",
  title: "ECR repositories have a lifecycle policy",
  severity: "warning",
  description:
    "An ECR repository defined in a CloudFormation template or a Terraform plan should have a lifecycle policy in the same document.",
  rationale:
    "Without a lifecycle policy nothing ever expires: untagged layers and old builds pile up, storage keeps being billed, and old images with known vulnerabilities stay available to pull.",
  fix: "Give the repository a lifecycle policy: LifecyclePolicy.LifecyclePolicyText in CloudFormation, an aws_ecr_lifecycle_policy resource in Terraform. The policies in policies/lifecycle/ are ready to use.",
  references: [
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html",
  ],
  peers: { securityHub: "ECR.3" },
  messages: {
    missingPolicy:
      'Repository "{{name}}" has no lifecycle policy, so its images never expire: add {{where}} (policies/lifecycle/ has ready ones, e.g. standard.json)',
    missingPolicyText:
      'LifecyclePolicy of repository "{{name}}" has no LifecyclePolicyText, so its images never expire: add the policy JSON as LifecyclePolicyText (policies/lifecycle/ has ready ones, e.g. standard.json)',
  },
  check: {
    ecrRepository(repository, { report }) {
      // CreateRepository input and describe-repositories output never carry the lifecycle policy.
      if (repository.format === "ecs-json" || repository.hasLifecyclePolicy) return;
      if (repository.format === "terraform") {
        report(repository.props.node, "missingPolicy", {
          name: repository.name,
          where: "an aws_ecr_lifecycle_policy resource for it",
        });
        return;
      }
      const lifecyclePolicy = repository.props.get("LifecyclePolicy");
      if (lifecyclePolicy === undefined || (lifecyclePolicy.kind === "scalar" && lifecyclePolicy.value === null)) {
        report(repository.props.node, "missingPolicy", {
          name: repository.name,
          where: "LifecyclePolicy.LifecyclePolicyText",
        });
        return;
      }
      if (lifecyclePolicy.kind === "map") report(lifecyclePolicy, "missingPolicyText", { name: repository.name });
      // Anything else is an intrinsic function (!If, !Ref ...): known only at deploy time.
    },
  },
});
