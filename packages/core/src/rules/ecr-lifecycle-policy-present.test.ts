import rule from "./ecr-lifecycle-policy-present.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "CloudFormation repository with a lifecycle policy",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
      LifecyclePolicy:
        LifecyclePolicyText: |
          {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}
`),
    },
    {
      name: "CloudFormation policy text from a parameter",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: !Ref LifecyclePolicyText
`),
    },
    {
      name: "CloudFormation policy under a condition (unknown until deploy)",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy: !If [Prune, { LifecyclePolicyText: !Ref Policy }, !Ref "AWS::NoValue"]
`),
    },
    {
      name: "describe-repositories output never carries the policy: not checked",
      file: "repositories.json",
      code: `{
  "repositories": [{ "repositoryName": "web", "imageTagMutability": "IMMUTABLE" }]
}`,
    },
    {
      name: "CreateRepository input: not checked",
      file: "repository.json",
      code: `{ "repositoryName": "web" }`,
    },
  ],
  invalid: [
    {
      name: "CloudFormation YAML repository without a lifecycle policy",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
      ImageTagMutability: IMMUTABLE
`),
      errors: [
        { messageId: "missingPolicy", line: 5, column: 7, message: 'Repository "Repo" has no lifecycle policy' },
      ],
    },
    {
      name: "CloudFormation YAML, LifecyclePolicy without its text",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        RegistryId: "123456789012"
`),
      errors: [{ messageId: "missingPolicyText", line: 6, column: 9 }],
    },
    {
      name: "CloudFormation JSON, two repositories, one without a policy",
      file: "stack.json",
      code: `{
  "Resources": {
    "Web": {
      "Type": "AWS::ECR::Repository",
      "Properties": { "LifecyclePolicy": { "LifecyclePolicyText": "{\\"rules\\": []}" } }
    },
    "Api": {
      "Type": "AWS::ECR::Repository",
      "Properties": { "RepositoryName": "api" }
    }
  }
}`,
      errors: [{ messageId: "missingPolicy", line: 9, column: 21, message: 'Repository "Api"' }],
    },
    {
      name: "CloudFormation repository without Properties",
      file: "stack.yaml",
      code: `Resources:
  Repo:
    Type: AWS::ECR::Repository
`,
      errors: [{ messageId: "missingPolicy", line: 3, column: 5 }],
    },
  ],
});
