import { planRollingDeployment } from "@shipshape/core";
import { describe, expect, it } from "vitest";
import type { DeployReport } from "./deploy.js";
import { summaryMarkdown } from "./summary.js";
import { deployInputs } from "./test-support/deploy-inputs.js";
import { webRevisionArn as arn } from "./test-support/web-revisions.js";

const inputs = deployInputs({
  desiredCount: 4,
  minimumHealthyPercent: 50,
  maximumPercent: 100,
  circuitBreaker: { enable: true, rollback: false },
  alarms: ["web-5xx"],
  rollback: "on-failure",
});
const settings = { desiredCount: 4, minimumHealthyPercent: 50, maximumPercent: 100 };

describe("summaryMarkdown", () => {
  it("tells a failed rollout: the message, what changed, the plan, events, why tasks stopped, the rollback", () => {
    const report: DeployReport = {
      previousTaskDefinitionArn: arn(4),
      family: "web",
      settings,
      plan: planRollingDeployment(settings),
      changes: [
        { path: "containerDefinitions[app].image", kind: "changed", before: '"repo/web:4"', after: '"repo/web:5"' },
      ],
      registration: { taskDefinitionArn: arn(5), registered: true, changes: [] },
      deploymentId: "ecs-svc/2222",
      rolloutState: "FAILED",
      rollout: {
        state: "FAILED",
        message: "deployment ecs-svc/2222 failed: ECS deployment circuit breaker: tasks failed to start.",
        snapshot: {
          state: "FAILED",
          reason: "",
          deployment: undefined,
          primaryIsOurs: true,
          replacedBy: undefined,
          desired: 4,
          running: 1,
          pending: 0,
          failed: 3,
        },
        events: [{ id: "1", message: "(service web) has started 2 tasks: (task aaa1) (task bbb2)." }],
        stoppedTasks: [
          {
            taskArn: "arn:x/aaa1",
            taskId: "aaa1",
            stopCode: "TaskFailedToStart",
            stoppedReason: "CannotPullContainerError: not found",
            containers: [],
          },
        ],
        retriedErrors: 0,
      },
      rollback: { taskDefinitionArn: arn(4), deploymentId: "ecs-svc/4444" },
    };
    const markdown = summaryMarkdown(
      inputs,
      report,
      "deployment ecs-svc/2222 failed: ECS deployment circuit breaker: tasks failed to start. Rolled back to web:4",
    );
    expect(markdown).toContain("## ❌ ECS deploy: web in prod failed\n\n> deployment ecs-svc/2222 failed");
    expect(markdown).toContain(`| Task definition | <code>${arn(5)}</code> (new revision) |`);
    expect(markdown).toContain("| Minimum healthy / maximum | 50% / 100% |");
    expect(markdown).toContain("| Circuit breaker | on, no rollback |");
    expect(markdown).toContain("| Alarms | web-5xx |");
    expect(markdown).toContain("| Rollout | FAILED: 1/4 running, 3 failed |");
    expect(markdown).toContain(`| Rolled back to | <code>${arn(4)}</code> |`);
    expect(markdown).toContain('```diff\n~ containerDefinitions[app].image: "repo/web:4" -> "repo/web:5"\n```');
    expect(markdown).toContain(
      "### Rolling plan\n\n```\nHealthy tasks kept: at least 2. Tasks running or pending: at most 4.",
    );
    expect(markdown).toContain("- (service web) has started 2 tasks: (task aaa1) (task bbb2).");
    expect(markdown).toContain(
      "### Why tasks stopped\n\n- task aaa1 stopped (TaskFailedToStart): CannotPullContainerError: not found",
    );
  });

  it("says what a dry run would do", () => {
    const report: DeployReport = {
      family: "web",
      settings,
      changes: [{ path: "memory", kind: "changed", before: '"512"', after: '"1024"' }],
    };
    const markdown = summaryMarkdown({ ...inputs, dryRun: true }, report, undefined);
    expect(markdown).toContain("## 🔍 ECS deploy: web in prod (dry run)");
    expect(markdown).toContain("| Task definition | a new revision of web would be registered |");
  });

  it("fences the changes so that a value cannot close the block, and caps them inside it", () => {
    const changes = Array.from({ length: 62 }, (_, i) => ({
      path: `containerDefinitions[web].environment[VAR_${i}].value`,
      kind: "added" as const,
      after: i === 0 ? '"```"' : `"${i}"`,
    }));
    const markdown = summaryMarkdown({ ...inputs, dryRun: true }, { family: "web", settings, changes }, undefined);
    const block = markdown.slice(markdown.indexOf("```diff\n"), markdown.indexOf("\n```\n") + 4);
    expect(block.split("\n")).toHaveLength(1 + 60 + 1 + 1);
    expect(block).toContain('+ containerDefinitions[web].environment[VAR_0].value: "`\u200b``"');
    expect(block).toContain("…and 2 more\n```");
  });

  it("keeps table cells on one line", () => {
    const markdown = summaryMarkdown({ ...inputs, images: [{ container: "app", image: "a|b" }] }, {}, undefined);
    expect(markdown).toContain("| Image of app | <code>a&#124;b</code> |");
  });
});
