// The step: read the inputs, render, write the file and set the task-definition output. The
// document readers load once the inputs are read (bad inputs fail at once), the AWS SDK only when
// a registered revision is to be read.
import * as core from "@actions/core";
import type { Node } from "@shipshape/core";
import { readInputs } from "./context.js";

export async function main(): Promise<void> {
  const inputs = readInputs();
  const { parseTaskDefinitionFile, renderTree, treeOfRegistered, writeRendered } = await import(
    /* webpackMode: "eager" */ "./render.js"
  );
  let root: Node;
  let origin: string;
  if (inputs.source.kind === "file") {
    origin = inputs.source.file.shownPath;
    root = parseTaskDefinitionFile(inputs.source.file.path, origin);
  } else {
    const { createEcsClient, describeTaskDefinition } = await import(/* webpackMode: "eager" */ "@shipshape/aws");
    const registered = await describeTaskDefinition(
      createEcsClient({ region: inputs.region }),
      inputs.source.taskDefinition,
    );
    origin = registered.arn;
    root = treeOfRegistered(registered.definition);
  }
  const rendered = renderTree(root, inputs, origin);
  const path = writeRendered(rendered, inputs.outputDirectory);
  core.info(`rendered ${inputs.containers.join(", ")} of ${origin} into ${path}`);
  core.setOutput("task-definition", path);
}

/** The outputs of action.yml. */
export const OUTPUTS = ["task-definition"] as const;
