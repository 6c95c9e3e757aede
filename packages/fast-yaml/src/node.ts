/**
 * The located tree the reader builds: every node knows where it starts and ends in the text (UTF-16
 * offsets), its parent, and the key or index its parent holds it under. @shipshape/core uses these
 * types as its own document nodes, whatever format a file is in.
 */
export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Offset of the node's first character in the file. */
  start: number;
  /** Offset just past the node's last character. */
  end: number;
  parent?: MapNode | SeqNode | TaggedNode;
  /** The key (map entry) or index (sequence item) under which the parent holds this node. */
  key?: string | number;
}

export interface MapEntry {
  key: string;
  keyNode: ScalarNode;
  value: Node;
}

export interface MapNode extends NodeBase {
  kind: "map";
  entries: MapEntry[];
}

export interface SeqNode extends NodeBase {
  kind: "seq";
  items: Node[];
}

export interface ScalarNode extends NodeBase {
  kind: "scalar";
  value: ScalarValue;
}

/** A YAML short-form tag such as CloudFormation's `!Ref X` or `!Sub "..."`. */
export interface TaggedNode extends NodeBase {
  kind: "tagged";
  tag: string;
  value: Node;
}

export type Node = MapNode | SeqNode | ScalarNode | TaggedNode;
