// What every reader of untrusted text holds to, so a hostile file ends in bounded time and memory
// with a plain finding, and what a reader reports without failing the whole file.

/** Budgets a reader enforces; exceeding one is a SyntaxProblem naming the limit, never a hang. */
export interface ReaderLimits {
  /** Largest text a reader takes, in UTF-16 code units (what `text.length` counts). */
  maxLength: number;
  /** Deepest nesting of maps, sequences and tags. */
  maxDepth: number;
  /** Most nodes one document may have, YAML alias expansions counted: a "billion laughs" file stops here. */
  maxNodes: number;
  /**
   * Most nodes a document that uses YAML aliases may expand to: expansion multiplies what a few
   * bytes cost, so such a document gets a tighter budget than maxNodes.
   */
  maxAliasedNodes: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  maxLength: 64 * 1024 * 1024,
  maxDepth: 256,
  maxNodes: 4_000_000,
  maxAliasedNodes: 250_000,
};

/**
 * Something a reader found that the file's own tool refuses, but that leaves the tree readable,
 * such as a key given twice in one map (CloudFormation rejects it; cfn-lint E0000). The loader
 * turns each into a finding at `offset`.
 */
export interface ReaderProblem {
  kind: "duplicate-key";
  message: string;
  /** Offset of the problem's first character in the file text. */
  offset: number;
  end: number;
}
