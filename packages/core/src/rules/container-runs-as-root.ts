import { defineRule } from "./define.js";
import { isWindowsTask } from "./support/taskdef-platform.js";

/** "root", "0", "0:0", "root:wheel", "0:1000" ... */
function isRootUser(user: string): boolean {
  const name = user.trim().split(":")[0]!;
  return name === "root" || name === "0";
}

export default defineRule({
  id: "container-runs-as-root",
  title: "Containers run as a non-root user",
  severity: "warning",
  description:
    'Each Linux container definition sets user to a non-root user; an absent user, "root", "0", "0:0" or a "root:"/"0:" prefix is reported.',
  rationale:
    "Without user, the container runs as the image's USER, which is root for most images; a process running as root inside the container turns any escape or misconfigured mount into root on the host.",
  fix: 'Set user to a non-root uid[:gid] (e.g. "1000:1000") or a named user the image defines.',
  references: ["https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html"],
  peers: { controlTower: "CT.ECS.PR.3", awsConfig: "ecs-task-definition-nonroot-user" },
  messages: {
    missing: 'container "{{container}}" does not set user, so it runs as the image\'s user (root for most images): set a non-root user such as "1000:1000"',
    root: 'container "{{container}}" runs as user "{{user}}" (root): set a non-root user such as "1000:1000"',
  },
  check: {
    taskDefinition(task, { report }) {
      if (isWindowsTask(task)) return; // user is not used the same way on Windows containers
      for (const container of task.containers) {
        const data = { container: container.name };
        const user = container.props.str("user");
        if (!container.props.has("user")) report(container.props.node, "missing", data);
        else if (user !== undefined && isRootUser(user)) report(container.props.get("user")!, "root", { ...data, user });
      }
    },
  },
});
