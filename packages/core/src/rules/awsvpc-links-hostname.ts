import { defineRule } from "./define.js";

export default defineRule({
  id: "awsvpc-links-hostname",
  title: "awsvpc containers set neither links nor hostname",
  severity: "error",
  description:
    "In a task definition that uses the awsvpc network mode (Fargate included), no container sets links or hostname.",
  rationale:
    'In awsvpc mode the task\'s containers share one network interface and reach each other on localhost, and the task\'s hostname comes from that interface. RegisterTaskDefinition refuses both settings there ("Links are not supported when networkMode=awsvpc", "hostname is not supported on container when networkMode=awsvpc"), so the deployment fails.',
  fix: "Remove links (address the other container as localhost:<port>) and hostname from the container definitions.",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
  ],
  messages: {
    links:
      'container "{{container}}" sets links, which the awsvpc network mode does not support: remove them and reach the other containers on localhost',
    hostname:
      'container "{{container}}" sets hostname, which the awsvpc network mode does not support: remove it (the task\'s network interface names the host)',
  },
  check: {
    taskDefinition(task, { report }) {
      if (task.networkMode !== "awsvpc" && !(task.usesFargate && !task.props.has("networkMode"))) return;
      for (const container of task.containers) {
        const links = container.props.get("links");
        if (links?.kind === "seq" && links.items.length > 0) report(links, "links", { container: container.name });
        const hostname = container.props.get("hostname");
        if (container.props.has("hostname") && !(hostname?.kind === "scalar" && hostname.value === ""))
          report(hostname!, "hostname", { container: container.name });
      }
    },
  },
});
