import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintSources } from "../engine/run.js";
import { loadDocument, NOT_TEXT_MESSAGE } from "./load.js";

const kinds = (file: string, text: string) => {
  const result = loadDocument(file, text);
  if (result.status !== "loaded") return result.status;
  return result.document.resources.map((resource) => `${resource.kind}:${resource.name}`);
};

describe("loadDocument", () => {
  it.each([
    ["RegisterTaskDefinition input", "td.json", '{"family": "web", "containerDefinitions": []}', ["task-definition:web"]],
    ["describe-task-definition output", "td.json", '{"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": []}, "tags": []}', ["task-definition:web"]],
    ["CreateService input", "svc.json", '{"serviceName": "web", "taskDefinition": "web:3"}', ["service:web"]],
    ["UpdateService input", "svc.json", '{"cluster": "prod", "service": "web", "desiredCount": 2}', ["service:web"]],
    ["describe-services output", "svc.json", '{"services": [{"serviceName": "a"}, {"serviceName": "b"}], "failures": []}', ["service:a", "service:b"]],
    ["lifecycle policy", "policy.json", '{"rules": [{"rulePriority": 1, "selection": {}, "action": {}}]}', ["lifecycle-policy:policy.json"]],
    ["get-lifecycle-policy output", "p.json", '{"repositoryName": "web", "lifecyclePolicyText": "{\\"rules\\": []}"}', ["lifecycle-policy:web"]],
    ["CreateRepository input", "repo.json", '{"repositoryName": "web", "imageTagMutability": "MUTABLE"}', ["ecr-repository:web"]],
    ["describe-clusters output", "c.json", '{"clusters": [{"clusterName": "prod", "settings": []}]}', ["cluster:prod"]],
    [
      "CloudFormation YAML",
      "stack.yaml",
      "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: {}\n  Svc:\n    Type: AWS::ECS::Service\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n  Bucket:\n    Type: AWS::S3::Bucket\n",
      ["task-definition:Task", "service:Svc", "classic-load-balancer:Elb"],
    ],
    [
      "CloudFormation JSON (CDK synth output)",
      "Stack.template.json",
      '{"Resources": {"Repo": {"Type": "AWS::ECR::Repository", "Properties": {"LifecyclePolicy": {"LifecyclePolicyText": "{\\"rules\\": []}"}}}}}',
      ["ecr-repository:Repo", "lifecycle-policy:Repo"],
    ],
  ])("reads %s", (_name, file, text, expected) => {
    expect(kinds(file, text)).toEqual(expected);
  });

  it.each([
    ["a GitHub workflow", "ci.yml", "on: push\njobs: {}\n"],
    ["a package.json", "package.json", '{"name": "x"}'],
    ["a JSON array", "list.json", "[1, 2]"],
    ["a Markdown file", "README.md", "# hi"],
    ["an empty YAML file", "empty.yaml", ""],
  ])("skips %s with a reason", (_name, file, text) => {
    const result = loadDocument(file, text);
    expect(result.status).toBe("skipped");
    expect(result.status === "skipped" && result.reason).toMatch(/not/);
  });

  it("reads every document of a multi-document YAML file, noting the ones it skips", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\n---\nfamily: web\ncontainerDefinitions: []\n---\nkind: Service\n";
    const result = loadDocument("deploy.yaml", text);
    expect(result.status === "loaded" && result.document.resources.map((resource) => resource.name)).toEqual(["web"]);
    expect(result.status === "loaded" && result.document.notes).toEqual([
      "document 1 (line 1): not an ECS, ECR, CloudFormation or Terraform plan document, skipped",
      "document 3 (line 7): not an ECS, ECR, CloudFormation or Terraform plan document, skipped",
    ]);
  });

  it("skips a multi-document YAML file none of whose documents it reads", () => {
    const result = loadDocument("k8s.yaml", "kind: Deployment\n---\nkind: Service\n");
    expect(result).toMatchObject({ status: "skipped", reason: "not an ECS, ECR, CloudFormation or Terraform plan document" });
  });

  it("reports a file that does not parse with the offset of the problem", () => {
    const result = loadDocument("td.json", '{\n  "family": "web",\n  "cpu": 256,\n}');
    expect(result).toMatchObject({ status: "invalid", offset: 35 });
  });

  it("reads CloudFormation Metadata suppressions", () => {
    const result = loadDocument(
      "s.yaml",
      "Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Metadata:\n      shipshape:\n        ignore:\n          - rule: no-classic-load-balancer\n            reason: migrating\n",
    );
    expect(result.status === "loaded" && [...result.document.resources[0]!.suppressed]).toEqual([["no-classic-load-balancer", "migrating"]]);
  });

  it("re-anchors an embedded lifecycle policy at its string", () => {
    const text = "Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      LifecyclePolicy:\n        LifecyclePolicyText: '{\"rules\": []}'\n";
    const result = loadDocument("s.yaml", text);
    const policy = result.status === "loaded" ? result.document.resources[1] : undefined;
    expect(policy?.kind === "lifecycle-policy" && policy.policy.start).toBe(text.indexOf("'{"));
  });

  it("keeps the keys given twice as reader problems, the last value read", () => {
    const text = '{\n  "family": "web",\n  "cpu": "256",\n  "family": "api",\n  "containerDefinitions": []\n}';
    const result = loadDocument("td.json", text);
    if (result.status !== "loaded") throw new Error(result.status);
    expect(result.document.resources.map((resource) => resource.name)).toEqual(["api"]);
    expect(result.document.problems).toEqual([
      expect.objectContaining({ kind: "duplicate-key", offset: text.lastIndexOf('"family"'), end: text.lastIndexOf('"family"') + 8 }),
    ]);
  });

  it.each([
    ["a NUL byte", "td.json", '{"family": "web\u0000"}', 15],
    ["bytes that are not UTF-8", "td.yaml", "family: w\ufffdb\n", 9],
  ])("reads a file with %s as no text, quoting nothing of it", (_name, file, text, offset) => {
    expect(loadDocument(file, text)).toEqual({ status: "invalid", file, text, message: NOT_TEXT_MESSAGE, offset });
  });
});

const printable = /^[\x20-\x7e]*$/;

describe("messages about unreadable files", () => {
  it("show only printable characters, whatever the bytes (random bytes read as UTF-8)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom("x.json", "x.yaml"), (bytes, file) => {
        const text = Buffer.from(bytes).toString("utf8");
        for (const finding of lintSources([{ file, text }]).findings) expect(finding.message).toMatch(printable);
      }),
      { numRuns: 300 },
    );
  });

  it("show only printable characters for text full of control and non-ASCII characters", () => {
    const unit = fc.constantFrom("{", "}", "[", "]", '"', ":", ",", "-", "a", "1", " ", "\n", "\t", "\r", "\u001b", "\u0007", "\u00e9", "\u2028", "\ud83d", "&", "*", "!", "|", "#");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.constantFrom("x.json", "x.yaml"), (text, file) => {
        for (const finding of lintSources([{ file, text }]).findings) expect(finding.message).toMatch(printable);
      }),
      { numRuns: 300 },
    );
  });

  it("are cut to one short line", () => {
    const result = loadDocument("x.json", `{"a": ${"\u0001".repeat(5000)}}`);
    expect(result.status === "invalid" && result.message).toBe('unexpected "\\u0001": expected a value');
  });
});
