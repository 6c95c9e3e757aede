import rule from "./ecr-tag-immutability.js";
import { repositoryTemplate } from "./test-support/cfn-template.js";
import { testRule } from "./test-support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "CreateRepository input with IMMUTABLE",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "IMMUTABLE"
}`,
    },
    {
      name: "IMMUTABLE_WITH_EXCLUSION with WILDCARD filters",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
  "imageTagMutabilityExclusionFilters": [
    { "filterType": "WILDCARD", "filter": "latest" },
    { "filterType": "WILDCARD", "filter": "dev-*" }
  ]
}`,
    },
    {
      name: "CloudFormation, IMMUTABLE_WITH_EXCLUSION with its own filter keys",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
      ImageTagMutabilityExclusionFilters:
        - ImageTagMutabilityExclusionFilterType: WILDCARD
          ImageTagMutabilityExclusionFilterValue: latest
`),
    },
    {
      name: "CloudFormation, mutability from a parameter (unknown until deploy)",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageTagMutability: !Ref TagMutability
`),
    },
    {
      name: "CloudFormation, filters from a parameter",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
      ImageTagMutabilityExclusionFilters:
        - ImageTagMutabilityExclusionFilterType: WILDCARD
          ImageTagMutabilityExclusionFilterValue: !Ref MutableTag
`),
    },
  ],
  invalid: [
    {
      name: "CreateRepository input without imageTagMutability",
      file: "repository.json",
      code: `{
  "repositoryName": "web"
}`,
      errors: [{ messageId: "mutableByDefault", line: 1, column: 1 }],
    },
    {
      name: "describe-repositories output with a MUTABLE repository",
      file: "repositories.json",
      code: `{
  "repositories": [
    { "repositoryName": "web", "imageTagMutability": "IMMUTABLE" },
    { "repositoryName": "api", "imageTagMutability": "MUTABLE" }
  ]
}`,
      errors: [
        { messageId: "mutable", line: 4, column: 54, endColumn: 63, message: 'imageTagMutability is "MUTABLE"' },
      ],
    },
    {
      name: "MUTABLE_WITH_EXCLUSION counts as mutable",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "MUTABLE_WITH_EXCLUSION",
  "imageTagMutabilityExclusionFilters": [{ "filterType": "WILDCARD", "filter": "v*" }]
}`,
      errors: [{ messageId: "mutableWithExclusion", line: 3, column: 25 }],
    },
    {
      name: "a value ECR does not know (the values are case-sensitive)",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "immutable"
}`,
      errors: [{ messageId: "unknownMutability", line: 3, column: 25, message: '"immutable"' }],
    },
    {
      name: "IMMUTABLE_WITH_EXCLUSION without filters",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
  "imageTagMutabilityExclusionFilters": []
}`,
      errors: [{ messageId: "filtersMissing", line: 3, column: 25, message: 'or use "IMMUTABLE"' }],
    },
    {
      name: "filters beyond the documented limits",
      file: "repository.json",
      code: `{
  "repositoryName": "web",
  "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
  "imageTagMutabilityExclusionFilters": [
    { "filterType": "WILDCARD", "filter": "latest" },
    { "filterType": "PREFIX", "filter": "dev-" },
    { "filterType": "WILDCARD", "filter": "feature/*" },
    { "filterType": "WILDCARD", "filter": "" },
    { "filter": "test-*" },
    { "filterType": "WILDCARD", "filter": "nightly" }
  ]
}`,
      errors: [
        { messageId: "tooManyFilters", line: 4, column: 41, message: "has 6 filters" },
        { messageId: "filterTypeInvalid", line: 6, column: 21, message: '"PREFIX"' },
        { messageId: "filterInvalid", line: 7, column: 43, message: '"feature/*"' },
        { messageId: "filterMissing", line: 8, column: 5 },
        { messageId: "filterTypeMissing", line: 9, column: 5 },
      ],
    },
    {
      name: "CloudFormation YAML, MUTABLE",
      file: "stack.yaml",
      code: repositoryTemplate(`
      RepositoryName: web
      ImageTagMutability: MUTABLE
`),
      errors: [{ messageId: "mutable", line: 6, column: 27, message: 'ImageTagMutability is "MUTABLE"' }],
    },
    {
      name: "CloudFormation YAML, a filter with the wrong type",
      file: "stack.yaml",
      code: repositoryTemplate(`
      ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
      ImageTagMutabilityExclusionFilters:
        - ImageTagMutabilityExclusionFilterType: REGEX
          ImageTagMutabilityExclusionFilterValue: latest
`),
      errors: [
        {
          messageId: "filterTypeInvalid",
          line: 7,
          column: 50,
          message: 'ImageTagMutabilityExclusionFilterType "REGEX"',
        },
      ],
    },
  ],
});
