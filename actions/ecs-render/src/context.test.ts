import { describe, expect, it } from "vitest";
import { parseInputs } from "./context.js";

const env = { GITHUB_WORKSPACE: "/work/repo", RUNNER_TEMP: "/runner/temp" };
const parse = (inputs: Record<string, string>, environment: NodeJS.ProcessEnv = env) =>
  parseInputs((name) => (inputs[name] ?? "").trim(), environment);

describe("parseInputs", () => {
  it("reads the anchor's README example", () => {
    expect(
      parse({
        "task-definition": "task-definition.json",
        "container-name": "web",
        image: "amazon/amazon-ecs-sample-1:latest",
        "environment-variables": "LOG_LEVEL=info\nENVIRONMENT=prod",
        "docker-labels": "SERVICE=service\nVERSION=version",
        secrets: "SECRET_KEY=arn:aws:ssm:region:0123456789:parameter/secret",
        command: "npm start --verbose",
      }),
    ).toEqual({
      region: "",
      source: { kind: "file", file: { path: "/work/repo/task-definition.json", shownPath: "task-definition.json" } },
      containers: ["web"],
      edits: {
        image: "amazon/amazon-ecs-sample-1:latest",
        environment: [
          { name: "LOG_LEVEL", value: "info" },
          { name: "ENVIRONMENT", value: "prod" },
        ],
        secrets: [{ name: "SECRET_KEY", valueFrom: "arn:aws:ssm:region:0123456789:parameter/secret" }],
        dockerLabels: [
          ["SERVICE", "service"],
          ["VERSION", "version"],
        ],
        command: ["npm", "start", "--verbose"],
      },
      taskRoleArn: undefined,
      executionRoleArn: undefined,
      outputDirectory: "/runner/temp",
    });
  });

  it("reads a family and revision as family:revision", () => {
    expect(
      parse(
        { "task-definition-family": "web", "task-definition-revision": "7", "container-name": "a,b", image: "x" },
        {
          ...env,
          AWS_REGION: "eu-west-1",
        },
      ),
    ).toMatchObject({ source: { kind: "registered", taskDefinition: "web:7" }, containers: ["a", "b"] });
  });

  it("lists every problem at once", () => {
    expect(() =>
      parse({
        "container-name": "web,",
        "environment-variables": "NO_EQUALS",
        "log-configuration-log-driver": "stdout",
        "task-role-arn": "role/web",
      }),
    ).toThrow(
      [
        "invalid inputs:",
        "- give task-definition (a file), task-definition-arn, or task-definition-family (with task-definition-revision or not)",
        '- container-name: give one name or names separated by commas, found "web,"',
        "- image is required",
        '- log-configuration-log-driver must be one of json-file, syslog, journald, logentries, gelf, fluentd, awslogs, splunk, awsfirelens, found "stdout"',
        "- task-role-arn must be an IAM role ARN (arn:aws:iam::<account-id>:role/<name>)",
        '- environment-variables: write one KEY=value per line, found "NO_EQUALS"',
        "- region is not set: give the region input, or set AWS_REGION (aws-actions/configure-aws-credentials does)",
      ].join("\n"),
    );
  });
});
