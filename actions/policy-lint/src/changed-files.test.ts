import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFiles } from "./changed-files.js";

const scratch = mkdtempSync(join(tmpdir(), "shipshape-changed-files-"));
const repo = join(scratch, "repo");
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
  }).trim();
const event = (payload: unknown, name = "pull_request") => {
  const payloadPath = join(scratch, `event-${Math.random()}.json`);
  writeFileSync(payloadPath, JSON.stringify(payload));
  return { name, payloadPath };
};
let range = { base: "", head: "" };

beforeAll(() => {
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, "a.json"), "{}\n");
  writeFileSync(join(repo, "gone.json"), "{}\n");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "base");
  const base = git(repo, "rev-parse", "HEAD");
  git(repo, "checkout", "-q", "-b", "feature");
  writeFileSync(join(repo, "a.json"), '{"changed": true}\n');
  writeFileSync(join(repo, "new file.json"), "{}\n");
  rmSync(join(repo, "gone.json"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "change");
  range = { base, head: git(repo, "rev-parse", "HEAD") };
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("changedFiles", () => {
  it("lists what the pull request adds or changes, not what it deletes", async () => {
    const changed = await changedFiles(
      event({ pull_request: { base: { sha: range.base }, head: { sha: range.head } } }),
      repo,
    );
    expect(changed).toEqual({ kind: "changed", files: new Set(["a.json", "new file.json"]), ...range });
  });

  it("falls back when the history has the base commit but no merge base", async () => {
    const shallow = join(scratch, "no-merge-base");
    git(scratch, "clone", "-q", "--depth", "1", "--branch", "feature", `file://${repo}`, shallow);
    git(shallow, "fetch", "-q", "--depth", "1", "origin", "main");
    const changed = await changedFiles(
      event({ pull_request: { base: { sha: range.base }, head: { sha: range.head } } }),
      shallow,
    );
    expect(changed).toMatchObject({
      kind: "all",
      reason: expect.stringMatching(/^git cannot compare .*fetch-depth: 0/),
    });
  });

  it.each([
    [
      "a payload without the pull request",
      { action: "opened" },
      /^the event payload has no pull_request\.base\.sha and head\.sha/,
    ],
    ["a payload that is not JSON", "{", /^cannot read the event payload/],
  ])("falls back for %s", async (_name, payload, reason) => {
    const input =
      typeof payload === "string" ? { name: "pull_request", payloadPath: join(scratch, "bad.json") } : event(payload);
    if (typeof payload === "string") writeFileSync(input.payloadPath, payload);
    expect(await changedFiles(input, repo)).toMatchObject({ kind: "all", reason: expect.stringMatching(reason) });
  });

  it("falls back outside a git checkout", async () => {
    const plain = mkdtempSync(join(tmpdir(), "shipshape-not-git-"));
    const changed = await changedFiles(
      event({ pull_request: { base: { sha: range.base }, head: { sha: range.head } } }),
      plain,
    );
    expect(changed).toMatchObject({
      kind: "all",
      reason: expect.stringMatching(/^the workspace is not a git checkout/),
    });
    rmSync(plain, { recursive: true, force: true });
  });
});
