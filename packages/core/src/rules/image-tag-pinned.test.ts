import rule from "./image-tag-pinned.js";
import { taskDefinitionTemplate } from "./test-support/cfn-template.js";
import { json, testRule } from "./test-support/rule-tester.js";
import { taskDefinition } from "./test-support/task-definition.js";

testRule(rule, {
  valid: [
    {
      name: "version tags, digests, registry ports",
      code: json(
        taskDefinition({
          containerDefinitions: [
            { name: "a", image: "nginx:1.27" },
            { name: "b", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:git-9fceb02" },
            { name: "c", image: "nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31" },
            { name: "d", image: "registry.local:5000/team/app:2.1.0" },
            { name: "e", image: "app:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31" },
            { name: "f", image: "${IMAGE}" },
          ],
        }),
      ),
    },
    {
      name: "CloudFormation: !Sub and !Ref images are known only at deploy time",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/web:\${Tag}"
        - Name: worker
          Image: !Ref WorkerImage
`),
    },
  ],
  invalid: [
    {
      name: "no tag, latest, and a registry port without a tag",
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "a", "image": "nginx" },
    { "name": "b", "image": "nginx:latest" },
    { "name": "c", "image": "registry.local:5000/team/app" }
  ]
}`,
      errors: [
        { messageId: "noTag", line: 4, column: 29, message: 'image "nginx" has no tag' },
        { messageId: "latestTag", line: 5, column: 29, message: '"latest"' },
        { messageId: "noTag", line: 6, column: 29, message: "registry.local:5000/team/app:1.2.3" },
      ],
    },
    {
      name: "CloudFormation YAML: latest from ECR",
      file: "stack.yaml",
      code: taskDefinitionTemplate(`
      ContainerDefinitions:
        - Name: web
          Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest
`),
      errors: [{ messageId: "latestTag", line: 7, column: 18 }],
    },
  ],
});
