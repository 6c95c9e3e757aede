import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import rule from "./too-many-containers.js";

const containers = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ name: `c${index}`, image: `app:${index}` }));

testRule(rule, {
  valid: [
    { name: "ten containers", code: json({ family: "web", containerDefinitions: containers(10) }) },
    {
      name: "one container",
      code: `{ "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx:1.27" }] }`,
    },
    {
      name: "CloudFormation YAML with two containers",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - { Name: a, Image: "a:1" }
        - { Name: b, Image: "b:1" }
`),
    },
  ],
  invalid: [
    {
      name: "eleven containers",
      code: json({ family: "web", containerDefinitions: containers(11) }),
      errors: [{ messageId: "tooMany", line: 3, column: 27, message: "has 11 containers" }],
    },
    {
      name: "CloudFormation YAML with eleven containers",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - { Name: c0, Image: "app:0" }
        - { Name: c1, Image: "app:1" }
        - { Name: c2, Image: "app:2" }
        - { Name: c3, Image: "app:3" }
        - { Name: c4, Image: "app:4" }
        - { Name: c5, Image: "app:5" }
        - { Name: c6, Image: "app:6" }
        - { Name: c7, Image: "app:7" }
        - { Name: c8, Image: "app:8" }
        - { Name: c9, Image: "app:9" }
        - { Name: c10, Image: "app:10" }
`),
      errors: [{ messageId: "tooMany", line: 6, column: 9 }],
    },
  ],
});
