import { scalarString } from "../model/obj.js";
import { defineRule } from "./define.js";

/** Capabilities that amount to near-root on the host. */
const dangerous = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_RAWIO", "SYS_PTRACE", "DAC_READ_SEARCH", "SYS_BOOT", "MAC_ADMIN"]);

export default defineRule({
  id: "linux-capabilities-added",
  title: "Containers add no Linux capabilities",
  severity: "warning",
  description:
    "linuxParameters.capabilities.add is reported for every capability it adds; on Fargate, any capability other than SYS_PTRACE is refused.",
  rationale:
    "Docker's default capability set is already broad; each added capability widens what a compromised container can do to the host (SYS_ADMIN and NET_ADMIN come close to root). Fargate accepts only SYS_PTRACE.",
  fix: "Remove the capabilities from linuxParameters.capabilities.add; if one is truly needed, keep only that one and drop the rest with capabilities.drop: [\"ALL\"].",
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html",
  ],
  messages: {
    added: 'container "{{container}}" adds the Linux capability {{capability}}: remove it unless the container cannot work without it',
    addedDangerous:
      'container "{{container}}" adds the Linux capability {{capability}}, which gives near-root control over the host: remove it',
    unsupportedOnFargate:
      'container "{{container}}" adds the Linux capability {{capability}}, but Fargate supports adding only SYS_PTRACE (the task definition is refused): remove it',
  },
  check: {
    taskDefinition(task, { report }) {
      for (const container of task.containers) {
        const added = container.props.obj("linuxParameters")?.obj("capabilities")?.list("add") ?? [];
        for (const node of added) {
          const written = scalarString(node);
          if (written === undefined) continue;
          const capability = written.toUpperCase().replace(/^CAP_/, "");
          const data = { container: container.name, capability };
          if (task.usesFargate && capability !== "SYS_PTRACE") report(node, "unsupportedOnFargate", data);
          else report(node, dangerous.has(capability) ? "addedDangerous" : "added", data);
        }
      }
    },
  },
});
