/**
 * CodeDeploy blue/green deployments of ECS services (deployment controller CODE_DEPLOY).
 *
 *   const codedeploy = createCodeDeployClient({ region });
 *   const appSpec = appSpecWithTaskDefinition(text, taskDefinitionArn, "appspec.yaml");
 *   const id = await createEcsDeployment(codedeploy, { application, deploymentGroup }, appSpec);
 *   const result = await watchEcsDeployment(codedeploy, { deploymentId: id, timeoutMs });
 */
import { CodeDeployClient } from "@aws-sdk/client-codedeploy";
import { nameFailedCalls } from "../call-names.js";
import { type AwsClientOptions, clientConfig } from "../client-config.js";

export function createCodeDeployClient(options: AwsClientOptions): CodeDeployClient {
  return nameFailedCalls(new CodeDeployClient(clientConfig(options)));
}

export { appSpecWithTaskDefinition, generatedAppSpec } from "./appspec.js";
export {
  type CodeDeployResult,
  type CodeDeployState,
  type CodeDeployTarget,
  type CodeDeployWatch,
  createEcsDeployment,
  deploymentGroupWaitMinutes,
  watchEcsDeployment,
} from "./deployment.js";
