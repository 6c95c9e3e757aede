// run-task with a container that exits non-zero, on recorded ECS and CloudWatch Logs answers:
// moto's containers always exit 0, so this is where the failing migration is tested.
import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeTasksCommand, ECSClient, RunTaskCommand } from "@aws-sdk/client-ecs";
import { resetStep, step } from "@shipshape/action-kit/testing/actions-core";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseInputs } from "./context.js";

vi.mock("@actions/core", () => import("@shipshape/action-kit/testing/actions-core"));
const { printed, outputs } = step;

const { runOneOffTasks, runTaskInput } = await import("./run-task-step.js");

const ecs = mockClient(ECSClient);
const logs = mockClient(CloudWatchLogsClient);
const TASK = "arn:aws:ecs:us-east-1:123456789012:task/prod/9d1c0b2a3f4e5d6c7b8a9f0e1d2c3b4a";
const TASK_DEFINITION = "arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:4";
const rendered = {
  family: "migrate",
  containerDefinitions: [
    {
      name: "migrate",
      image: "repo/app:2",
      logConfiguration: {
        logDriver: "awslogs" as const,
        options: { "awslogs-group": "/ecs/migrate", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" },
      },
    },
  ],
};
const inputs = (extra: Record<string, string> = {}) =>
  parseInputs((name) => ({ "task-definition": "td.json", cluster: "prod", "run-task": "true", ...extra })[name] ?? "", {
    GITHUB_WORKSPACE: "/work/repo",
    AWS_REGION: "us-east-1",
  });

beforeEach(() => {
  ecs.reset();
  logs.reset();
  resetStep();
});

describe("runTaskInput", () => {
  it("sends what the anchor sends: the launch type unless a strategy is given, awsvpc only when asked", () => {
    const { dropIn } = inputs({ "run-task-subnets": "subnet-1", "run-task-started-by": "deploy" });
    expect(runTaskInput("prod", TASK_DEFINITION, dropIn.runTask!)).toEqual({
      cluster: "prod",
      taskDefinition: TASK_DEFINITION,
      startedBy: "deploy",
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], assignPublicIp: "DISABLED" } },
    });
    const strategy = inputs({
      "run-task-capacity-provider-strategy": '[{"capacityProvider": "FARGATE_SPOT", "weight": 1}]',
    });
    expect(runTaskInput("prod", TASK_DEFINITION, strategy.dropIn.runTask!)).toEqual({
      cluster: "prod",
      taskDefinition: TASK_DEFINITION,
      startedBy: "GitHub-Actions",
      capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
    });
  });
});

describe("runOneOffTasks", () => {
  it("fails naming the container, its exit code and why the task stopped, after its last log lines", async () => {
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: "PROVISIONING" }] });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: TASK,
          lastStatus: "STOPPED",
          stoppedReason: "Essential container in task exited",
          containers: [{ name: "migrate", exitCode: 2 }],
        },
      ],
    });
    logs.on(GetLogEventsCommand).resolves({
      events: [{ message: "applying 0042_add_index" }, { message: "::error::relation exists" }],
    });
    const report = { taskArns: [], failures: [] };
    await expect(
      runOneOffTasks(
        inputs({ "wait-for-task-stopped": "true" }),
        new ECSClient({ region: "us-east-1" }),
        TASK_DEFINITION,
        rendered,
        report,
      ),
    ).rejects.toThrow(
      "run-task failed: task 9d1c0b2a3f4e5d6c7b8a9f0e1d2c3b4a: container migrate exited with code 2 (Essential container in task exited)",
    );
    expect(outputs["run-task-arn"]).toBe(JSON.stringify([TASK]));
    expect(logs.commandCalls(GetLogEventsCommand)[0]!.args[0].input).toMatchObject({
      logGroupName: "/ecs/migrate",
      logStreamName: "ecs/migrate/9d1c0b2a3f4e5d6c7b8a9f0e1d2c3b4a",
      startFromHead: false,
    });
    // The task's own output is printed with workflow commands turned off around it.
    const at = printed.findIndex((line) => line.includes("applying 0042_add_index"));
    expect(printed[at - 1]).toMatch(/^::stop-commands::/);
    expect(printed[at + 1]).toBe(`::${printed[at - 1]!.slice("::stop-commands::".length)}::`);
  });

  it("does not wait unless wait-for-task-stopped is true", async () => {
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }] });
    await runOneOffTasks(inputs(), new ECSClient({ region: "us-east-1" }), TASK_DEFINITION, rendered, {
      taskArns: [],
      failures: [],
    });
    expect(ecs.commandCalls(DescribeTasksCommand)).toHaveLength(0);
  });
});
