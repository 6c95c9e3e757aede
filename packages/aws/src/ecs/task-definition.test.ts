import {
  ClientException,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  ServerException,
} from "@aws-sdk/client-ecs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import type { TaskDefinitionInput } from "./render.js";
import { describeTaskDefinition, registerIfChanged } from "./task-definition.js";

const ecs = mockClient(ECSClient);
const client = new ECSClient({ region: "us-east-1" });
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;
const rendered: TaskDefinitionInput = {
  family: "web",
  containerDefinitions: [{ name: "app", image: "repo/web:2", memory: 256 }],
};

beforeEach(() => {
  ecs.reset();
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: {
      taskDefinitionArn: arn(4),
      family: "web",
      revision: 4,
      status: "ACTIVE",
      networkMode: "bridge",
      containerDefinitions: [
        { name: "app", image: "repo/web:1", memory: 256, cpu: 0, essential: true, environment: [] },
      ],
    },
    tags: [{ key: "team", value: "web" }],
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(5) } });
});

describe("describeTaskDefinition", () => {
  it("asks for the tags and returns RegisterTaskDefinition input", async () => {
    const current = await describeTaskDefinition(client, arn(4));
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)[0]!.args[0].input).toEqual({
      taskDefinition: arn(4),
      include: ["TAGS"],
    });
    expect(current).toMatchObject({ arn: arn(4), family: "web", revision: 4 });
    expect(current.definition).not.toHaveProperty("revision");
    expect(current.definition.tags).toEqual([{ key: "team", value: "web" }]);
  });
});

describe("registerIfChanged", () => {
  it("registers a definition that differs, and lists what changed", async () => {
    const current = await describeTaskDefinition(client, arn(4));
    const registration = await registerIfChanged(
      client,
      { ...rendered, tags: [{ key: "team", value: "web" }] },
      current,
    );
    expect(registration).toMatchObject({ taskDefinitionArn: arn(5), registered: true });
    expect(registration.changes).toEqual([
      { path: "containerDefinitions[app].image", kind: "changed", before: '"repo/web:1"', after: '"repo/web:2"' },
    ]);
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input.containerDefinitions![0]!.image).toBe(
      "repo/web:2",
    );
  });

  it("keeps the current revision when only ECS's defaults differ", async () => {
    const current = await describeTaskDefinition(client, arn(4));
    const same = {
      ...rendered,
      containerDefinitions: [{ name: "app", image: "repo/web:1", memory: 256 }],
      tags: [{ key: "team", value: "web" }],
    };
    expect(await registerIfChanged(client, same, current)).toEqual({
      taskDefinitionArn: arn(4),
      registered: false,
      changes: [],
    });
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });

  it("registers when the service has no task definition to compare with", async () => {
    expect(await registerIfChanged(client, rendered, undefined)).toMatchObject({
      taskDefinitionArn: arn(5),
      registered: true,
    });
  });

  it("says which family ECS refused, and why", async () => {
    ecs
      .on(RegisterTaskDefinitionCommand)
      .rejects(new ClientException({ message: "Invalid 'cpu' setting for task.", $metadata: {} }));
    await expect(registerIfChanged(client, rendered, undefined)).rejects.toThrow(
      "ECS refused to register task definition web: Invalid 'cpu' setting for task.",
    );
  });
});

describe("registerIfChanged after a failure that leaves it unclear whether ECS registered", () => {
  const serverError = () => new ServerException({ message: "Service unavailable", $metadata: { httpStatusCode: 500 } });
  const registered = (revision: number, image: string) => ({
    taskDefinition: {
      taskDefinitionArn: arn(revision),
      family: "web",
      revision,
      status: "ACTIVE" as const,
      containerDefinitions: [{ name: "app", image, memory: 256 }],
    },
  });
  const notes: string[] = [];
  const options = { onNote: (line: string) => notes.push(line), sleep: async () => {} };
  beforeEach(() => {
    notes.length = 0;
  });

  it("takes the revision ECS made instead of registering again", async () => {
    ecs.on(RegisterTaskDefinitionCommand).rejects(serverError());
    ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn(4), arn(5)] });
    ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(5) }).resolves(registered(5, "repo/web:2"));
    expect(await registerIfChanged(client, rendered, undefined, options)).toMatchObject({
      taskDefinitionArn: arn(5),
      registered: true,
    });
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(1);
    expect(ecs.commandCalls(ListTaskDefinitionsCommand)[0]!.args[0].input).toMatchObject({
      familyPrefix: "web",
      sort: "DESC",
    });
    expect(notes).toEqual([
      "RegisterTaskDefinition of web failed without saying whether ECS registered it (Service unavailable); looking at the family's newest revision before registering again",
      `ECS had registered it as ${arn(5)}: taking that revision, not registering again`,
    ]);
  });

  it("registers again when the newest revision is another definition", async () => {
    ecs.on(RegisterTaskDefinitionCommand).rejectsOnce(serverError()).resolves(registered(5, "repo/web:2"));
    ecs.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn(4)] });
    expect(await registerIfChanged(client, rendered, undefined, options)).toMatchObject({ taskDefinitionArn: arn(5) });
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(2);
    expect(notes.at(-1)).toBe("ECS had not registered it; registering again (attempt 2 of 3)");
  });

  it("tries a throttled call again without looking, and gives up after three attempts", async () => {
    const throttled = Object.assign(new Error("Rate exceeded"), {
      name: "ThrottlingException",
      $metadata: { httpStatusCode: 400 },
    });
    ecs.on(RegisterTaskDefinitionCommand).rejects(throttled);
    await expect(registerIfChanged(client, rendered, undefined, options)).rejects.toThrow(
      "ECS refused to register task definition web: Rate exceeded",
    );
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(3);
    expect(ecs.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });
});
