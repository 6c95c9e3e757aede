import rule from "./lifecycle-policy-valid.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "a policy file: untagged after 14 days, keep 30 release tags",
      file: "lifecycle-policy.json",
      code: `{
  "rules": [
    {
      "rulePriority": 1,
      "description": "Expire untagged images after 14 days",
      "selection": { "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14 },
      "action": { "type": "expire" }
    },
    {
      "rulePriority": 2,
      "description": "Keep the last 30 release-* images",
      "selection": { "tagStatus": "tagged", "tagPatternList": ["release-*"], "countType": "imageCountMoreThan", "countNumber": 30 },
      "action": { "type": "expire" }
    }
  ]
}`,
    },
    {
      name: "get-lifecycle-policy output (the policy as a string)",
      file: "lifecycle-policy.json",
      code: `{
  "registryId": "123456789012",
  "repositoryName": "web",
  "lifecyclePolicyText": "{\\"rules\\":[{\\"rulePriority\\":1,\\"selection\\":{\\"tagStatus\\":\\"any\\",\\"countType\\":\\"imageCountMoreThan\\",\\"countNumber\\":50},\\"action\\":{\\"type\\":\\"expire\\"}}]}"
}`,
    },
    {
      name: "CloudFormation LifecyclePolicyText, a JSON string inside YAML",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: |
          {
            "rules": [
              {
                "rulePriority": 1,
                "selection": { "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 7 },
                "action": { "type": "expire" }
              }
            ]
          }
`),
    },
    {
      name: "CloudFormation LifecyclePolicyText built with !Sub (known only at deploy time)",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: !Sub '{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": \${Keep}}, "action": {"type": "expire"}}]}'
`),
    },
  ],
  invalid: [
    {
      name: "a policy file with several problems, each on its value",
      file: "lifecycle-policy.json",
      code: `{
  "rules": [
    {
      "rulePriority": 1,
      "selection": { "tagStatus": "tagged", "countType": "imageCountMoreThan", "countUnit": "days", "countNumber": 5 },
      "action": { "type": "expire" }
    },
    {
      "rulePriority": 1,
      "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 0 },
      "action": { "type": "expire" }
    }
  ]
}`,
      errors: [
        // tagged without a tag list: reported on the selection that lacks it
        { messageId: "invalidWithFix", line: 5, column: 20, message: "rules[0].selection.tagPatternList: " },
        { messageId: "invalidWithFix", line: 5, column: 93, endColumn: 99, message: "rules[0].selection.countUnit: " },
        { messageId: "invalidWithFix", line: 9, column: 23, message: "rules[1].rulePriority: " },
        { messageId: "invalidWithFix", line: 10, column: 92, message: "rules[1].selection.countNumber: " },
      ],
    },
    {
      name: "a policy file: the any rule before another, and a key ECR does not take",
      file: "lifecycle-policy.json",
      code: `{
  "rules": [
    {
      "rulePriority": 1,
      "selection": { "tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 20 },
      "action": { "type": "expire" }
    },
    {
      "rulePriority": 2,
      "selection": { "tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 7 },
      "action": { "type": "expire" },
      "enabled": true
    }
  ]
}`,
      errors: [
        { messageId: "invalidWithFix", line: 4, column: 23, message: "rules[0].rulePriority: " },
        { messageId: "invalidWithFix", line: 12, column: 18, message: "rules[1].enabled: " },
      ],
    },
    {
      name: "a policy file: a rule without an action, reported on the rule",
      file: "lifecycle-policy.json",
      code: `{
  "rules": [
    {
      "rulePriority": 1,
      "selection": { "tagStatus": "tagged", "tagPatternList": ["v*"], "countType": "imageCountMoreThan", "countNumber": 10 }
    }
  ]
}`,
      errors: [
        { messageId: "invalidWithFix", line: 3, column: 5, endLine: 6, endColumn: 6, message: "rules[0].action: " },
      ],
    },
    {
      name: "CloudFormation LifecyclePolicyText: findings land on the string's line",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: '{"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "tagPrefixList": ["v"], "countType": "sinceImagePushed", "countNumber": 14}, "action": {"type": "expire"}}]}'
`),
      errors: [
        { messageId: "invalidWithFix", line: 6, column: 30, message: "rules[0].selection.tagPrefixList: " },
        { messageId: "invalidWithFix", line: 6, column: 30, message: "rules[0].selection.countUnit: " },
      ],
    },
    {
      name: "CloudFormation LifecyclePolicyText as a block scalar: findings land on its first line",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: |
          {"rules": [{"rulePriority": 0, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}
`),
      errors: [{ messageId: "invalidWithFix", line: 6, column: 30, message: "rules[0].rulePriority: " }],
    },
    {
      name: "CloudFormation LifecyclePolicyText that is not JSON",
      file: "stack.yaml",
      code: repositoryTemplate(`
      LifecyclePolicy:
        LifecyclePolicyText: '{"rules": [{"rulePriority": 1, }]}'
`),
      errors: [
        { messageId: "notJson", line: 6, column: 30, endColumn: 66, message: "character 32 of the embedded JSON" },
      ],
    },
    {
      name: "get-lifecycle-policy output with a null field (as Terraform's jsonencode writes)",
      file: "lifecycle-policy.json",
      code: `{
  "lifecyclePolicyText": "{\\"rules\\":[{\\"rulePriority\\":1,\\"description\\":null,\\"selection\\":{\\"tagStatus\\":\\"untagged\\",\\"countType\\":\\"sinceImagePushed\\",\\"countUnit\\":\\"days\\",\\"countNumber\\":14},\\"action\\":{\\"type\\":\\"expire\\"}}]}",
  "repositoryName": "web"
}`,
      errors: [{ messageId: "invalidWithFix", line: 2, column: 26, message: "rules[0].description: " }],
    },
  ],
});
