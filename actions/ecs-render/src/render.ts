// The render: the task definition parsed once (a file) or described (a registered revision), the
// edits written into its tree, and the result written as RegisterTaskDefinition JSON to a new file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Node,
  parseJson,
  parseTaskDefinitionText,
  renderTaskDefinitionTree,
  taskDefinitionNode,
  toPlain,
} from "@shipshape/core";
import { READ_ONLY_TASK_DEFINITION_FIELDS } from "@shipshape/aws";
import type { Inputs } from "./context.js";

/** A file's tree, parsed once; throws an Error with the file and line when it does not parse. */
export function parseTaskDefinitionFile(path: string, shownPath: string): Node {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`task-definition: cannot read ${shownPath} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return parseTaskDefinitionText(shownPath, text);
}

/** A registered definition (DescribeTaskDefinition's taskDefinition, tags merged in) as a tree. */
export function treeOfRegistered(definition: object): Node {
  return parseJson(JSON.stringify(definition));
}

/** Renders the tree in place and returns the RegisterTaskDefinition input it now holds. */
export function renderTree(
  root: Node,
  inputs: Pick<Inputs, "containers" | "edits" | "taskRoleArn" | "executionRoleArn">,
  origin: string,
) {
  try {
    renderTaskDefinitionTree(root, {
      containers: inputs.containers.map((name) => ({ name, edits: inputs.edits })),
      ...(inputs.taskRoleArn ? { taskRoleArn: inputs.taskRoleArn } : {}),
      ...(inputs.executionRoleArn ? { executionRoleArn: inputs.executionRoleArn } : {}),
    });
  } catch (error) {
    throw new Error(`container-name: ${(error as Error).message} (${origin})`);
  }
  const task = taskDefinitionNode(root);
  const plain = toPlain(task ?? root) as Record<string, unknown>;
  for (const field of READ_ONLY_TASK_DEFINITION_FIELDS) delete plain[field];
  return plain;
}

/** Writes the rendered definition to a new file in `directory`, as the anchor does; returns its path. */
export function writeRendered(definition: object, directory: string): string {
  const path = join(mkdtempSync(join(directory, "task-definition-")), "task-definition.json");
  writeFileSync(path, `${JSON.stringify(definition, null, 2)}\n`);
  return path;
}
