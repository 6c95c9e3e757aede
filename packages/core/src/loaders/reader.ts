import type { MapNode } from "../document/node.js";
import type { Resource } from "../model/resources.js";

/** One document format: how to recognise its root, and the resources it holds. */
export interface DocumentReader {
  /** Shown when listing what a file was read as, e.g. "CloudFormation template". */
  description: string;
  matches(root: MapNode): boolean;
  read(root: MapNode, file: string): Resource[];
}
