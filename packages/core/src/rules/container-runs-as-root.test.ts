import rule from "./container-runs-as-root.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { container, taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "non-root users",
      code: json(
        taskDefinition({
          containerDefinitions: [
            container({ user: "1000:1000" }),
            { name: "app", image: "app:1.0", user: "app" },
            { name: "rooted", image: "app:1.0", user: "rootless" },
          ],
        }),
      ),
    },
    {
      name: "CloudFormation: a parameter is unknown until deploy",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          User: !Ref RunAs
`),
    },
  ],
  invalid: [
    {
      name: "root written in each way, and no user at all",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "a", "image": "x:1", "user": "root" },
    { "name": "b", "image": "x:1", "user": "0:0" },
    { "name": "c", "image": "x:1", "user": "0:1000" },
    { "name": "d", "image": "x:1" }
  ]
}`,
      errors: [
        { messageId: "root", line: 4, column: 44, message: '"root"' },
        { messageId: "root", line: 5, column: 44, message: '"0:0"' },
        { messageId: "root", line: 6, column: 44 },
        { messageId: "missing", line: 7, column: 5, message: 'container "d"' },
      ],
    },
    {
      name: "CloudFormation YAML: root:root",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          User: "root:root"
`),
      errors: [{ messageId: "root", line: 8, column: 17 }],
    },
  ],
});
