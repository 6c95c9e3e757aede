import { describe, expect, it } from "vitest";
import {
  classifySecretName,
  detectEnvironmentSecret,
  isHarmlessValue,
  looksLikePlainSecret,
  nameParts,
  secretValueKind,
  secretValuePatterns,
} from "./secret-patterns.js";

// Fake credentials are assembled at run time so that secret scanners do not flag this file.
const fake = {
  awsKeyId: "AKIA" + "IOSFODNN7EXAMPLE",
  awsSessionKeyId: "ASIA" + "Y34FZKBOKMUTVV7A",
  githubPat: "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
  githubFineGrained: "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
  githubApp: "ghs_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2",
  slackBot: "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
  slackWebhook: "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
  pem: "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----",
  opensshPem: "-----BEGIN " + "OPENSSH PRIVATE KEY-----",
  stripe: "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
  google: "AIza" + "SyD-1234567890abcdefghijklmnopqrstu",
};

describe("secretValueKind", () => {
  it.each([
    ["AWS access key id", fake.awsKeyId, "an AWS access key id"],
    ["AWS temporary access key id", fake.awsSessionKeyId, "an AWS access key id"],
    ["GitHub classic token", fake.githubPat, "a GitHub token"],
    ["GitHub fine-grained token", fake.githubFineGrained, "a GitHub token"],
    ["GitHub app token", fake.githubApp, "a GitHub token"],
    ["Slack bot token", fake.slackBot, "a Slack token"],
    ["Slack webhook", fake.slackWebhook, "a Slack webhook URL"],
    ["PEM RSA key", fake.pem, "a PEM private key"],
    ["PEM OpenSSH key", fake.opensshPem, "a PEM private key"],
    ["Stripe live key", fake.stripe, "a Stripe live secret key"],
    ["Google API key", fake.google, "a Google API key"],
    ["password in a database URL", "postgres://app:hunter2@db.internal:5432/app", "a password in a URL"],
    ["password in an AMQP URL", "amqps://user:s3cr%40t@mq.example.com", "a password in a URL"],
    ["key inside a longer text", `--key=${fake.awsKeyId} --region=eu-west-1`, "an AWS access key id"],
  ])("finds %s", (_name, value, label) => {
    expect(secretValueKind(value)).toBe(label);
  });

  it.each([
    ["a port", "5432"],
    ["a URL without a password", "https://api.example.com/v1"],
    ["a URL with a user only", "postgres://app@db.internal:5432/app"],
    ["a URL with a ${VAR} password", "postgres://app:${DB_PASSWORD}@db.internal/app"],
    ["a URL with a $VAR password", "redis://default:$REDIS_PASSWORD@cache:6379"],
    ["a git SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a UUID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"],
    ["an ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"],
    ["a word", "production"],
    ["AKIA too short", "AKIA1234"],
    ["a public certificate", "-----BEGIN CERTIFICATE-----"],
  ])("ignores %s", (_name, value) => {
    expect(secretValueKind(value)).toBeUndefined();
  });
});

describe("nameParts", () => {
  it.each([
    ["DB_PASSWORD", ["DB", "PASSWORD"]],
    ["dbPassword", ["DB", "PASSWORD"]],
    ["db-password", ["DB", "PASSWORD"]],
    ["AWSSecretAccessKey", ["AWS", "SECRET", "ACCESS", "KEY"]],
  ])("splits %s", (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });
});

describe("classifySecretName", () => {
  it.each([
    ["PASSWORD", "secret"],
    ["DB_PASSWORD", "secret"],
    ["db_passwd", "secret"],
    ["DBPASSWORD", "secret"],
    ["JWT_SECRET", "secret"],
    ["GITHUB_TOKEN", "secret"],
    ["githubToken", "secret"],
    ["API_KEY", "secret"],
    ["STRIPE_APIKEY", "secret"],
    ["PRIVATE_KEY", "secret"],
    ["AWS_SECRET_ACCESS_KEY", "secret"],
    ["ECS_ENGINE_AUTH_DATA", "secret"],
    ["GOOGLE_CREDENTIALS", "secret"],
    ["OAUTH_CLIENT_SECRET", "secret"],
    ["BASIC_AUTH", "secret"],
    ["SESSION_TOKEN_TTL", "metadata"],
    ["PASSWORD_MIN_LENGTH", "metadata"],
    ["TOKEN_EXPIRY", "metadata"],
    ["AUTH_TIMEOUT", "metadata"],
    ["DB_PASSWORD_ARN", "metadata"],
    ["SECRET_NAME", "metadata"],
    ["SECRETS_PATH", "metadata"],
    ["API_KEY_FILE", "metadata"],
    ["AUTH_ENABLED", "metadata"],
    ["AUTH_HEADER", "metadata"],
    ["AWS_ACCESS_KEY_ID", "secret"],
    ["awsAccessKeyId", "secret"],
    ["ECS_ENGINE_AUTH_DATA", "secret"],
    ["ACCESS_KEY_ID", "secret-if-value-looks-secret"],
    ["AUTH_URL", "secret-if-value-looks-secret"],
    ["PORT", "plain"],
    ["LOG_LEVEL", "plain"],
    ["AUTHOR", "plain"],
    ["TOKENIZER_MODEL", "plain"],
    ["KEYCLOAK_REALM", "plain"],
    ["SORT_KEY", "plain"],
  ])("%s is %s", (name, verdict) => {
    expect(classifySecretName(name)).toBe(verdict);
  });
});

describe("isHarmlessValue", () => {
  it.each([
    ["empty", ""],
    ["a port", "8080"],
    ["a TTL in seconds", "3600"],
    ["a boolean", "true"],
    ["a capitalised boolean", "False"],
    ["an ARN", "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db"],
    ["a GovCloud ARN", "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x"],
    ["a duration", "30s"],
    ["a duration in minutes", "5m"],
    ["a file path", "/run/secrets/db_password"],
    ["a relative path", "./certs/key.pem"],
    ["a URL without a password", "https://auth.example.com/oauth/token"],
  ])("%s is harmless", (_name, value) => {
    expect(isHarmlessValue(value)).toBe(true);
  });

  it.each([
    ["a password", "hunter2"],
    ["a random token", "q8Z3vN0pLr7TgY2mWx5K"],
    ["a URL with a password", "mysql://root:root@db/app"],
  ])("%s is not harmless", (_name, value) => {
    expect(isHarmlessValue(value)).toBe(false);
  });
});

describe("detectEnvironmentSecret", () => {
  it.each([
    ["DB_PASSWORD", "hunter2", { by: "name" }],
    ["API_KEY", "abc", { by: "name" }],
    ["AWS_ACCESS_KEY_ID", fake.awsKeyId, { by: "value", kind: "an AWS access key id" }],
    ["ACCESS_KEY_ID", "q8Z3vN0pLr7TgY2mWx5KdP", { by: "name" }],
    ["AWS_ACCESS_KEY_ID", "not-a-key-shape", { by: "name" }],
    ["DATABASE_URL", "postgres://app:hunter2@db/app", { by: "value", kind: "a password in a URL" }],
    ["NOTES", fake.githubPat, { by: "value", kind: "a GitHub token" }],
    ["SLACK", fake.slackWebhook, { by: "value", kind: "a Slack webhook URL" }],
    ["password", "123123", { by: "name" }],
    ["DB_PASSWORD", "0000", { by: "name" }],
    ["dbPasswd", "98765432", { by: "name" }],
    ["JWT_SECRET", "123456", { by: "name" }],
  ])("%s=… is a secret", (name, value, expected) => {
    expect(detectEnvironmentSecret(name, value)).toEqual(expected);
  });

  it.each([
    ["DB_PORT", "5432"],
    ["DB_PASSWORD", "12"],
    ["TOKENS_PER_MINUTE", "6000"],
    ["OPENAI_MAX_TOKENS", "4096"],
    ["AUTH", "1"],
    ["PASSWORD_MIN_LENGTH", "12"],
    ["DB_PASSWORD_TTL", "300"],
    ["SESSION_TOKEN_TTL", "15m"],
    ["FEATURE_AUTH", "true"],
    ["DB_PASSWORD_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"],
    ["DB_PASSWORD", ""],
    ["DB_PASSWORD_FILE", "/run/secrets/db"],
    ["AUTH_URL", "https://auth.example.com"],
    ["DATABASE_URL", "postgres://app@db/app"],
    ["DATABASE_URL", "postgres://app:${DB_PASSWORD}@db/app"],
    ["CLIENT_ID", "web-frontend"],
    ["GIT_SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["REQUEST_ID_HEADER", "X-Request-Id"],
    ["TENANT_ID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"],
    ["LOG_LEVEL", "debug"],
    ["DB_PASSWORD", "${DB_PASSWORD}"],
  ])("%s=%s is not a plain-text secret", (name, value) => {
    expect(detectEnvironmentSecret(name, value)).toBeUndefined();
  });
});

describe("looksLikePlainSecret", () => {
  it.each([
    [fake.awsKeyId, true],
    ["correct horse battery staple", true],
    ["q8Z3vN0pLr7TgY2mWx5KdP", true],
    ["/prod/db/password", false],
    ["arn:aws:s3:::x", false],
    ["db-password", false],
  ])("%s -> %s", (value, expected) => {
    expect(looksLikePlainSecret(value)).toBe(expected);
  });
});

describe("secretValuePatterns", () => {
  it("carry no flags, so the one search over all of them matches what each does alone", () => {
    for (const { pattern } of secretValuePatterns) expect(pattern.flags).toBe("");
  });
});
