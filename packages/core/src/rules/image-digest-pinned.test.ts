import rule from "./image-digest-pinned.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "digests",
      code: json(
        taskDefinition({
          containerDefinitions: [
            { name: "a", image: "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31" },
            {
              name: "b",
              image:
                "registry.local:5000/app:1.0@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
            },
          ],
        }),
      ),
    },
    {
      name: "CloudFormation: !Sub images are known only at deploy time",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${Repository}:\${Tag}"
`),
    },
  ],
  invalid: [
    {
      name: "tags",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "a", "image": "nginx:1.27" },
    { "name": "b", "image": "registry.local:5000/app" }
  ]
}`,
      errors: [
        { messageId: "notByDigest", line: 4, column: 29, message: "nginx:1.27@sha256:" },
        { messageId: "notByDigest", line: 5, column: 29 },
      ],
    },
    {
      name: "CloudFormation YAML: a tag",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
`),
      errors: [{ messageId: "notByDigest", line: 7, column: 18 }],
    },
  ],
});
