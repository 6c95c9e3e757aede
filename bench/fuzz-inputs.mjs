// The fuzz campaign's inputs (bench/fuzz.mjs): generated and mutated JSON, YAML, CloudFormation,
// task definitions, services, lifecycle policies, Terraform plans and random bytes. Input `index`
// of a seed is always the same text, so a finding replays from its index alone.
import { stringify } from "yaml";
import { seeded, service, taskDefinition, template, terraformPlan } from "./corpus.mjs";

/** `${name}`, CloudFormation's Fn::Sub reference, written so no linter takes it for a template slip. */
const sub = (name) => `${"$"}{${name}}`;
const pick = (random, list) => list[Math.floor(random() * list.length)];
const int = (random, max) => Math.floor(random() * max);

// ---- values --------------------------------------------------------------------------------------

const interestingStrings = [
  "", " ", "FARGATE", "EC2", "awsvpc", "bridge", "host", "none", "256", "512", "1024", "0", "-1", "1e309", "NaN",
  "true", "null", "latest", "nginx", "nginx:latest", "a@sha256:00", "ENABLED", "DISABLED", "root", "0:0",
  "arn:aws:ssm:us-east-1:123456789012:parameter/x", "arn:aws:secretsmanager:us-east-1:1:secret:x-AbCdEf",
  "AKIAIOSFODNN7EXAMPLE", "-----BEGIN RSA PRIVATE KEY-----", "https://u:p@host/", sub("AWS::StackName"),
  "memberOf(attribute:ecs.instance-type =~ t2.*)", "binpack", "spread", "FARGATE_SPOT", "\u0000", "\u202e",
  "é", "😀", "\ud800", "'", '"', "\\", "{{x}}", "__proto__", "constructor", "toString", "a".repeat(300),
];
const interestingNumbers = [0, -0, 1, -1, 0.5, 1e21, -1e-7, 2 ** 53 + 1, 65535, 65536, 4096, 8192, 30720, 120, 100, 200];
const interestingKeys = [
  "family", "containerDefinitions", "name", "image", "essential", "memory", "cpu", "portMappings", "containerPort",
  "hostPort", "environment", "secrets", "valueFrom", "value", "networkMode", "requiresCompatibilities", "Type",
  "Properties", "Resources", "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::If", "rules", "rulePriority", "selection",
  "action", "tagStatus", "countType", "countNumber", "serviceName", "taskDefinition", "loadBalancers",
  "loadBalancerName", "format_version", "planned_values", "root_module", "resources", "values", "__proto__",
  "constructor", "", "hasOwnProperty", "0", "a.b", "<<",
];

function randomString(random) {
  if (random() < 0.6) return pick(random, interestingStrings);
  const length = int(random, 20);
  let out = "";
  for (let i = 0; i < length; i++) out += String.fromCharCode(random() < 0.9 ? 32 + int(random, 95) : int(random, 0x3000));
  return out;
}

/** A random JSON value, at most `depth` levels deep. */
export function randomValue(random, depth = 5) {
  const roll = random();
  if (depth <= 0 || roll < 0.45) {
    const scalar = random();
    if (scalar < 0.4) return randomString(random);
    if (scalar < 0.7) return random() < 0.7 ? pick(random, interestingNumbers) : (random() - 0.5) * 10 ** int(random, 12);
    if (scalar < 0.85) return random() < 0.5;
    return null;
  }
  if (roll < 0.7) return Array.from({ length: int(random, 5) }, () => randomValue(random, depth - 1));
  const object = {};
  for (let i = int(random, 6); i > 0; i--)
    object[random() < 0.7 ? pick(random, interestingKeys) : randomString(random)] = randomValue(random, depth - 1);
  return object;
}

/** Replaces a few values anywhere in a plain value with random ones, or drops them. */
function perturb(value, random, rate) {
  if (Array.isArray(value)) return value.map((item) => perturb(item, random, rate));
  if (value && typeof value === "object") {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const roll = random();
      if (roll < rate / 3) continue;
      out[key] = roll < rate ? randomValue(random, 3) : perturb(item, random, rate);
    }
    return out;
  }
  return random() < rate ? randomValue(random, 2) : value;
}

// ---- documents ---------------------------------------------------------------------------------

const lifecyclePolicy = (random) => ({
  rules: Array.from({ length: 1 + int(random, 4) }, (_, i) => ({
    rulePriority: random() < 0.9 ? i + 1 : randomValue(random, 1),
    description: "keep",
    selection: {
      tagStatus: pick(random, ["tagged", "untagged", "any", "TAGGED", 3]),
      ...(random() < 0.5 ? { tagPrefixList: ["v", "release-"] } : { tagPatternList: ["v*", "*-rc*"] }),
      countType: pick(random, ["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "x"]),
      ...(random() < 0.5 ? { countUnit: "days" } : {}),
      countNumber: pick(random, [1, 0, 30, -1, "5"]),
    },
    action: { type: pick(random, ["expire", "transition", "delete"]), ...(random() < 0.3 ? { targetStorageClass: "archive" } : {}) },
  })),
});

const cloudFormationYamlTags = ["!Ref", "!Sub", "!GetAtt", "!If", "!Join", "!Select", "!Split", "!ImportValue", "!FindInMap", "!Base64", "!Equals", "!Not", "!Condition", "!GetAZs", "!Cidr", "!Transform", "!!str", "!!int", "!!binary", "!Custom", "!"];

/** YAML written by hand, with what generators never write: anchors and aliases, merge keys, tags, tabs, CRLF, block scalars, flow style. */
function handYaml(random) {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"];
  const resources = 1 + int(random, 4);
  for (let r = 0; r < resources; r++) {
    lines.push(`  Task${r}:`);
    if (r === 0) lines.push("    Metadata: &meta", "      shipshape: {ignore: [{rule: image-tag-pinned, reason: x}]}");
    else if (random() < 0.5) lines.push("    Metadata: *meta");
    lines.push(`    Type: ${pick(random, ["AWS::ECS::TaskDefinition", "AWS::ECS::Service", "AWS::ECR::Repository", "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ECS::Cluster"])}`);
    lines.push("    Properties:");
    lines.push(`      Family: ${pick(random, cloudFormationYamlTags)} ${pick(random, ["x", `'${sub("AWS::StackName")}-web'`, "[a, b]", "{a: 1}", "", "|\n        multi\n        line"])}`);
    lines.push(`      Cpu: ${pick(random, ["256", "'256'", "0x100", "1_024", "~", "null", ".inf", "2.5e2", "!Ref Cpu", "&cpu 512", "*cpu"])}`);
    lines.push("      ContainerDefinitions:");
    for (let c = 0; c <= int(random, 3); c++) {
      lines.push(`        - Name: c${c}`);
      lines.push(`          Image: ${pick(random, ["nginx", "nginx:latest", `!Sub '${sub("Repo")}:1'`, '"quoted: yes"', "'single'", ">-\n            folded\n            text"])}`);
      if (random() < 0.5) lines.push("          Environment:", "            - {Name: DB_PASSWORD, Value: hunter2}", "            - Name: PORT", "              Value: 8080");
      if (random() < 0.3) lines.push("          <<: {Essential: true, Memory: 512}");
      if (random() < 0.3) lines.push("          PortMappings: [{ContainerPort: 80, HostPort: 8080}, {ContainerPort: !Ref Port}]");
    }
  }
  let text = `${lines.join("\n")}\n`;
  if (random() < 0.3) text = `%YAML 1.2\n---\n${text}...\n`;
  if (random() < 0.2) text += "---\nsecond: document\n";
  if (random() < 0.3) text = text.replace(/\n/g, "\r\n");
  if (random() < 0.2) text = text.replace(/ {2}/g, random() < 0.5 ? "\t" : " \t");
  if (random() < 0.2) text = text.replace(/: /, ": # a comment\n  ");
  return text;
}

/** Nesting `levels` deep, as JSON or YAML, flow or block. */
function deep(random, levels) {
  const style = int(random, 5);
  if (style === 0) return { ext: "json", text: `${"[".repeat(levels)}1${"]".repeat(levels)}` };
  if (style === 1) return { ext: "json", text: `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}` };
  if (style === 2) return { ext: "yaml", text: `${"[".repeat(levels)}1${"]".repeat(levels)}\n` };
  if (style === 3) {
    const lines = [];
    for (let i = 0; i < Math.min(levels, 3000); i++) lines.push(`${" ".repeat(i)}a${i}:`);
    return { ext: "yaml", text: `${lines.join("\n")} 1\n` };
  }
  return { ext: "yaml", text: `${"- ".repeat(Math.min(levels, 5000))}x\n` };
}

/** "Billion laughs": each level an alias list of the one before. */
function aliasBomb(random) {
  // two in three expand to a few thousand nodes at most; the rest to millions or more
  const explosive = random() < 1 / 3;
  const levels = explosive ? 6 + int(random, 5) : 2 + int(random, 4);
  const width = explosive ? 5 + int(random, 6) : 2 + int(random, 4);
  const lines = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(", ")}]`);
  lines.push(`Resources: {T: {Type: AWS::ECS::TaskDefinition, Properties: {Family: *a${levels}}}}`);
  return lines.join("\n");
}

function randomBytes(random) {
  const bytes = new Uint8Array(int(random, random() < 0.9 ? 300 : 20000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = int(random, 256);
  return Buffer.from(bytes).toString("utf8");
}

// ---- mutation ----------------------------------------------------------------------------------

const tokens = ["{", "}", "[", "]", ",", ":", '"', "'", "\n", "\r\n", "\t", " ", "- ", "? ", "&a ", "*a", "!Ref ", "!!map ", "<<: ", "|", ">", "#", "%", "@", "`", "\\", "\\u", "\u0000", "\ufffd", "\ufeff", "\u2028", "é", "1e999", "-", "null", "---\n", "...\n", "~"];

/** A few edits of a text: token inserts, cuts, repeats, truncation, swapped line endings. */
export function mutate(text, random) {
  let out = text;
  for (let edits = 1 + int(random, 4); edits > 0; edits--) {
    const at = int(random, out.length + 1);
    const kind = int(random, 7);
    if (kind <= 1) out = out.slice(0, at) + pick(random, tokens) + out.slice(at);
    else if (kind === 2) out = out.slice(0, at) + out.slice(at + 1 + int(random, 40));
    else if (kind === 3) out = out.slice(0, at);
    else if (kind === 4) {
      const piece = out.slice(at, at + int(random, 80));
      out = out.slice(0, at) + piece.repeat(2 + int(random, 3)) + out.slice(at);
    } else if (kind === 5) out = out.slice(0, at) + String.fromCharCode(int(random, 0x10000)) + out.slice(at + 1);
    else out = random() < 0.5 ? out.replace(/\n/g, "\r\n") : out.replace(/ {2}/, "\t");
  }
  return out;
}

// ---- the kinds ---------------------------------------------------------------------------------

const json = (value, random) => JSON.stringify(value, null, random() < 0.5 ? 2 : undefined);
const pascal = (value) => {
  if (Array.isArray(value)) return value.map(pascal);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]));
  return value;
};

/** Each kind: its share of the inputs, and how to make one. */
export const kinds = {
  "json-value": [8, (random) => ({ ext: "json", text: json(randomValue(random), random) })],
  "task-definition": [10, (random, i) => ({ ext: "json", text: json(perturb(taskDefinition(i, random), random, 0.1), random) })],
  "describe-task-definition": [3, (random, i) => ({ ext: "json", text: json({ taskDefinition: perturb(taskDefinition(i, random), random, 0.1) }, random) })],
  service: [5, (random, i) => ({ ext: "json", text: json(perturb(service(i, random), random, 0.15), random) })],
  "container-definitions": [3, (random, i) => ({ ext: "json", text: json(perturb(taskDefinition(i, random).containerDefinitions, random, 0.1), random) })],
  "lifecycle-policy": [4, (random) => ({ ext: "json", text: json(perturb(lifecyclePolicy(random), random, 0.1), random) })],
  "cfn-json": [6, (random) => ({ ext: pick(random, ["json", "template"]), text: json(perturb(template(1 + int(random, 3), random), random, 0.05), random) })],
  "cfn-yaml": [8, (random) => ({ ext: pick(random, ["yaml", "yml", "template"]), text: stringify(perturb(template(1 + int(random, 3), random), random, 0.05)) })],
  "cfn-yaml-random-properties": [4, (random) => ({ ext: "yaml", text: stringify(pascal({ resources: { t: { type: "AWS::ECS::TaskDefinition", properties: randomValue(random, 4) } } })) })],
  "yaml-hand": [10, (random) => ({ ext: pick(random, ["yaml", "yml"]), text: handYaml(random) })],
  "terraform-plan": [5, (random) => ({ ext: "json", text: json(perturb(terraformPlan(1 + int(random, 3), random), random, 0.02), random) })],
  "deep-nesting": [2, (random) => deep(random, pick(random, [100, 255, 256, 257, 511, 513, 1000, 10000, 100000]))],
  "alias-bomb": [0.3, (random) => ({ ext: "yaml", text: aliasBomb(random) })],
  "random-bytes": [6, (random) => ({ ext: pick(random, ["json", "yaml"]), text: randomBytes(random) })],
  mutated: [25, (random, i) => {
    const names = Object.keys(kinds).filter((name) => name !== "mutated" && name !== "deep-nesting" && name !== "alias-bomb");
    const base = kinds[pick(random, names)][1](random, i);
    return { ext: base.ext, text: mutate(base.text, random) };
  }],
};

const totalWeight = Object.values(kinds).reduce((sum, [weight]) => sum + weight, 0);

/** Input `index` of the campaign with `seed`: { index, kind, file, text }. */
export function makeInput(seed, index) {
  const random = seeded((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  random();
  let roll = random() * totalWeight;
  let kind = "json-value";
  for (const [name, [weight]] of Object.entries(kinds)) {
    roll -= weight;
    if (roll < 0) {
      kind = name;
      break;
    }
  }
  const { ext, text } = kinds[kind][1](random, index);
  return { index, kind, file: `input-${index}.${ext}`, text };
}
