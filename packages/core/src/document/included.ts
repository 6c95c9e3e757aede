import type { Node } from "./node.js";

/** A file whose text another document reads in, as Terraform's file() reads container definitions. */
export interface IncludedFile {
  file: string;
  text: string;
}

const included = new WeakMap<Node, IncludedFile>();

/** Marks a tree parsed from another file's text: its offsets are into that file. */
export function markIncluded(root: Node, from: IncludedFile): void {
  included.set(root, from);
}

/** Gives a copy of a tree the mark its original has. */
export function carryIncluded(from: Node, to: Node): void {
  const mark = included.get(from);
  if (mark) included.set(to, mark);
}

/** The file a node's offsets point into, when it is not the document's own (see markIncluded). */
export function includedFileOf(node: Node): IncludedFile | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const from = included.get(current);
    if (from) return from;
  }
  return undefined;
}
