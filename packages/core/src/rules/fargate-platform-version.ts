import { defineRule } from "./define.js";
import { serviceFargateEvidence } from "./support/service-settings.js";
import { isWindowsTask } from "./support/taskdef-platform.js";

/** The current Fargate Linux platform version; LATEST points at it. */
const CURRENT_LINUX = [1, 4, 0] as const;

function olderThanCurrent(version: readonly number[]): boolean {
  for (const [i, current] of CURRENT_LINUX.entries()) {
    const part = version[i] ?? 0;
    if (part !== current) return part < current;
  }
  return false;
}

export default defineRule({
  id: "fargate-platform-version",
  title: "Fargate services use a current platform version",
  severity: "warning",
  description:
    "A Fargate service's platformVersion, when set, is LATEST or a Linux platform version of 1.4.0 or later.",
  rationale:
    "Fargate Linux platform versions before 1.4.0 are deprecated: they lack the task ENI for all traffic, EFS volumes, ephemeral storage encryption and current kernel and runtime patches, and AWS is retiring 1.3.0. A pinned old version also never picks up the LATEST platform.",
  fix: 'Remove platformVersion or set it to "LATEST" (or "1.4.0"); test the service on 1.4.0 first, since networking through the task ENI and the containerd runtime changed.',
  references: [
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10",
  ],
  peers: { checkov: "CKV_AWS_332 (Terraform)", securityHub: "ECS.10", controlTower: "CT.ECS.PR.1" },
  messages: {
    outdated: 'platformVersion "{{value}}" is a deprecated Fargate Linux platform version: use "LATEST" or "1.4.0"',
    notAVersion: 'platformVersion "{{value}}" is not a Fargate platform version: use "LATEST" or "1.4.0"',
  },
  check: {
    service(service, { report }) {
      if (!serviceFargateEvidence(service)) return;
      // Windows containers on Fargate number their platform versions separately (1.0.0 is current).
      if (isWindowsTask(service.taskDefinition)) return;
      const node = service.props.get("platformVersion");
      const value = service.props.str("platformVersion");
      if (!node || value === undefined || value.toUpperCase() === "LATEST") return;
      const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(value.trim());
      if (!match) {
        report(node, "notAVersion", { value });
        return;
      }
      if (olderThanCurrent(match.slice(1).map(Number))) report(node, "outdated", { value });
    },
  },
});
