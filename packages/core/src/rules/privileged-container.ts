import { defineRule } from "./define.js";

export default defineRule({
  id: "privileged-container",
  title: "Containers do not run privileged",
  severity: "error",
  description: "A container definition must not set privileged: true.",
  rationale:
    "A privileged container gets root-equivalent access to the host's devices and kernel, so a compromise of the container is a compromise of the instance. Fargate does not accept the parameter at all.",
  fix: "Remove privileged (or set it to false); grant the specific Linux capability the container needs through linuxParameters.capabilities.add instead.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
  ],
  peers: { checkov: "CKV_AWS_334 (Terraform)", securityHub: "ECS.4", controlTower: "CT.ECS.PR.11" },
  messages: {
    privileged:
      'container "{{container}}" sets privileged: true, giving it root access to the host: remove it and add only the Linux capabilities it needs',
    privilegedOnFargate:
      'container "{{container}}" sets privileged: true, which Fargate does not support (the task definition is refused): remove it',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers)
        if (container.props.bool("privileged") === true)
          report(container.props.get("privileged")!, task.usesFargate ? "privilegedOnFargate" : "privileged", { container: container.name });
    },
  },
});
