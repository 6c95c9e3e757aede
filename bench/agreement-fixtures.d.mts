// Types of bench/agreement-fixtures.mjs, for test/peer-agreement.test.ts.
export type Verdict = "positive" | "negative";

export interface PeerCase {
  peer: string;
  peerId: string;
  /** Relative to the repository root. */
  file: string;
  source: string;
  expected: Verdict;
}

export interface DocumentedDifference {
  peer: string;
  file: string;
  rule: string;
  /** docs/rules/<rule>.md#differences-from-peers */
  page: string;
  reason: string;
}

export interface PeerComparison {
  peer: string;
  peerId: string;
  file: string;
  rule: string;
  expected: Verdict;
  /** positive, negative, or "skipped (reason)". */
  ours: string;
  outcome: "agree" | "documented" | "disagree";
  difference?: DocumentedDifference;
}

export const peerCorpus: string;
export function loadCases(): PeerCase[];
export function loadDocumentedDifferences(): DocumentedDifference[];
export function evaluatePeerFixtures(options?: { cli?: string }): { results: PeerComparison[]; unmapped: PeerCase[] };
export function tally(
  results: PeerComparison[],
): { peer: string; cases: number; agree: number; documented: number; disagree: number }[];
export function formatPeerFixtures(evaluation: { results: PeerComparison[]; unmapped: PeerCase[] }): string;
