import type { Node } from "./node.js";

/** A file whose text another document reads in, as Terraform's file() reads container definitions. */
export interface IncludedFile {
  file: string;
  text: string;
}

// A registered symbol rather than a WeakMap: the Terraform loader may be bundled apart from the
// linter (the CLI loads it lazily), and both must see the mark.
const INCLUDED = Symbol.for("shipshape.includedFile");

type Marked = Node & { [INCLUDED]?: IncludedFile };

/** Marks a tree parsed from another file's text: its offsets are into that file. */
export function markIncluded(root: Node, from: IncludedFile): void {
  (root as Marked)[INCLUDED] = from;
}

/** Gives a copy of a tree the mark its original has. */
export function carryIncluded(from: Node, to: Node): void {
  const mark = (from as Marked)[INCLUDED];
  if (mark) (to as Marked)[INCLUDED] = mark;
}

/** The file a node's offsets point into, when it is not the document's own (see markIncluded). */
export function includedFileOf(node: Node): IncludedFile | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const from = (current as Marked)[INCLUDED];
    if (from) return from;
  }
  return undefined;
}
