import {
  type ContainerDefinition,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";
import type { AwsClientStub } from "aws-sdk-client-mock";

/** The ARN of family `web` at a revision, in the account and region the tests use. */
export const webRevisionArn = (revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

/**
 * ECS answers for a service on web:4 that the step registers anew: DescribeTaskDefinition gives
 * revision 4 with one container, RegisterTaskDefinition gives revision 5.
 */
export function answerWebRevisions(
  ecs: AwsClientStub<ECSClient>,
  container: ContainerDefinition = { name: "app", image: "repo/web:4", memory: 256 },
): void {
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: {
      taskDefinitionArn: webRevisionArn(4),
      family: "web",
      revision: 4,
      containerDefinitions: [container],
    },
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: webRevisionArn(5) } });
}
