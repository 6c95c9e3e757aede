// A lint run fed one file at a time, so a large run holds one file's tree at a time rather than
// every file's. Only cross-file links need more: a service found by family can use a task
// definition from any file of the run (the last one with that family), so a document whose
// services look a family up is kept until the run's end, and of every other document only where
// each family's task definition is (file and index) is kept, read again when a service wants it.
import { loadDocument, type LoadedDocument, type LoadResult } from "../loaders/load.js";
import type { TaskDefinition } from "../model/resources.js";
import type { Rule } from "../rules/define.js";
import {
  checksByKind,
  type ChecksByKind,
  documentFindings,
  parseErrorFinding,
  type RuleSeverities,
} from "./document-findings.js";
import { type Finding, sortFindings } from "./finding.js";
import { familiesWanted, linkDocument, runFamilyOf } from "./links.js";
import type { LintReport } from "./run.js";

/** The text of a file added earlier, read again; undefined when it cannot be. */
export type Reread = (file: string) => string | undefined;

/** Where the run's last task definition of a family is: in a document still held, or at an index of a file's resources. */
type FamilyHome = { resident: TaskDefinition } | { file: string; resourceIndex: number };

const NO_FAMILIES: ReadonlyMap<string, TaskDefinition> = new Map();

export class LintSession {
  private readonly checks: ChecksByKind;
  /** Each added file's findings, in the order the files came; a waiting document's slot fills at the end. */
  private readonly slots: Finding[][] = [];
  private readonly checkedFiles: string[] = [];
  private readonly skippedFiles: LintReport["skippedFiles"] = [];
  private readonly waiting: { slot: number; document: LoadedDocument; families: string[] }[] = [];
  private readonly homes = new Map<string, FamilyHome>();

  /**
   * Without `reread`, the task definitions of every document are kept to the end (for documents the
   * caller loaded itself, from trees it may have edited); with it, only the waiting documents.
   */
  constructor(
    rules: readonly Rule[],
    severities: RuleSeverities,
    private readonly reread?: Reread,
  ) {
    this.checks = checksByKind(rules, severities);
  }

  /** Lints a loaded file now, unless its services wait for the run's task definitions. */
  add(result: LoadResult): void {
    if (result.status === "skipped") {
      this.skippedFiles.push({ file: result.file, reason: result.reason });
      return;
    }
    if (result.status === "invalid") {
      this.checkedFiles.push(result.file);
      this.slots.push([parseErrorFinding(result)]);
      return;
    }
    const { document } = result;
    this.checkedFiles.push(document.file);
    const families = familiesWanted(document);
    const resident = families.length > 0 || this.reread === undefined;
    document.resources.forEach((resource, resourceIndex) => {
      if (resource.kind !== "task-definition") return;
      const family = runFamilyOf(resource);
      if (family)
        this.homes.set(unshared(family), resident ? { resident: resource } : { file: document.file, resourceIndex });
    });
    if (families.length > 0) {
      this.waiting.push({ slot: this.slots.length, document, families });
      this.slots.push([]);
      return;
    }
    linkDocument(document, NO_FAMILIES);
    const findings = documentFindings(document, this.checks);
    for (const finding of findings) if (finding.resource !== undefined) finding.resource = unshared(finding.resource);
    this.slots.push(findings);
  }

  /** Links and lints the waiting documents, and reports the run. */
  finish(): LintReport {
    const byFamily = new Map<string, TaskDefinition>();
    const reloaded = new Map<string, LoadResult>();
    for (const { families } of this.waiting)
      for (const family of families) {
        if (byFamily.has(family)) continue;
        const found = this.taskDefinitionOf(family, reloaded);
        if (found) byFamily.set(family, found);
      }
    for (const { slot, document } of this.waiting) {
      linkDocument(document, byFamily);
      this.slots[slot] = documentFindings(document, this.checks);
    }
    return {
      findings: sortFindings(this.slots.flat()),
      checkedFiles: this.checkedFiles,
      skippedFiles: this.skippedFiles,
    };
  }

  private taskDefinitionOf(family: string, reloaded: Map<string, LoadResult>): TaskDefinition | undefined {
    const home = this.homes.get(family);
    if (!home) return undefined;
    if ("resident" in home) return home.resident;
    let result = reloaded.get(home.file);
    if (!result) {
      const text = this.reread!(home.file);
      if (text === undefined) return undefined;
      result = loadDocument(home.file, text);
      reloaded.set(home.file, result);
    }
    const resource = result.status === "loaded" ? result.document.resources[home.resourceIndex] : undefined;
    // The file read again is the file linted, unless it changed on disk in between.
    return resource?.kind === "task-definition" && runFamilyOf(resource) === family ? resource : undefined;
  }
}

/**
 * A copy of a string cut from a file's text that shares nothing with it: V8 keeps a slice of 13
 * or more characters as a view on the whole text, so a family name or resource name held to the
 * end of the run would keep its file's text alive.
 */
function unshared(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
