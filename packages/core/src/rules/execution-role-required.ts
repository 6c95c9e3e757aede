import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";
import { isPrivateEcrImage, isPrivateEcrTemplate } from "./support/security-image-ref.js";
import { intrinsicOf } from "./support/security-intrinsics.js";

const addRole = "add executionRoleArn (ExecutionRoleArn in CloudFormation, execution_role_arn in Terraform)";

export default defineRule({
  id: "execution-role-required",
  title: "Tasks that need the task execution role have one",
  severity: "error",
  description:
    "A task definition needs executionRoleArn when a container reads secrets (secrets[], logConfiguration.secretOptions[]) or uses repositoryCredentials, and, on Fargate or external instances, when it logs with awslogs or pulls an image from a private Amazon ECR repository.",
  rationale:
    "The ECS and Fargate agents make these calls (ssm:GetParameters, secretsmanager:GetSecretValue, ecr:GetAuthorizationToken, logs:PutLogEvents ...) with the task execution role; without one the task fails to start.",
  fix: "Create a role trusted by ecs-tasks.amazonaws.com with the AmazonECSTaskExecutionRolePolicy managed policy (plus read access to your parameters and secrets) and set it as executionRoleArn.",
  references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html"],
  messages: {
    secrets: `container "{{container}}" reads {{what}} from SSM Parameter Store or Secrets Manager, which ECS does with the task execution role, but executionRoleArn is not set: ${addRole} with a role allowed ssm:GetParameters / secretsmanager:GetSecretValue on them`,
    registryAuth: `container "{{container}}" uses repositoryCredentials, which ECS reads from Secrets Manager with the task execution role, but executionRoleArn is not set: ${addRole} with a role allowed secretsmanager:GetSecretValue on the secret`,
    awslogs: `container "{{container}}" logs with the awslogs driver on {{platform}}, where the task execution role writes to CloudWatch Logs, but executionRoleArn is not set: ${addRole} with a role carrying AmazonECSTaskExecutionRolePolicy`,
    privateEcr: `container "{{container}}" pulls its image from a private Amazon ECR repository on {{platform}}, which needs the task execution role, but executionRoleArn is not set: ${addRole} with a role carrying AmazonECSTaskExecutionRolePolicy`,
  },
  check: {
    taskDefinition(task, { report }) {
      const roleNode = task.props.get("executionRoleArn");
      if (roleNode && !(roleNode.kind === "scalar" && (roleNode.value === null || roleNode.value === ""))) return;
      const platform = task.usesFargate ? "Fargate" : task.compatibilities.includes("EXTERNAL") ? "external instances" : undefined;
      for (const container of task.containers) {
        const data = { container: container.name };
        const secrets = container.props.get("secrets");
        if (container.props.list("secrets").length > 0) report(secrets!, "secrets", { ...data, what: "secrets[]" });
        const logConfiguration = container.props.obj("logConfiguration");
        const secretOptions = logConfiguration?.get("secretOptions");
        if ((logConfiguration?.list("secretOptions").length ?? 0) > 0)
          report(secretOptions!, "secrets", { ...data, what: "logConfiguration.secretOptions[]" });
        const credentials = container.props.get("repositoryCredentials");
        if (credentials?.kind === "map") report(credentials, "registryAuth", data);
        if (!platform) continue;
        const driver = logConfiguration?.get("logDriver");
        if (scalarString(driver) === "awslogs") report(driver!, "awslogs", { ...data, platform });
        const image = container.props.get("image");
        const literal = scalarString(image);
        const template = intrinsicOf(image)?.subTemplate;
        if ((literal !== undefined && isPrivateEcrImage(literal)) || (template !== undefined && isPrivateEcrTemplate(template)))
          report(image!, "privateEcr", { ...data, platform });
      }
    },
  },
});
