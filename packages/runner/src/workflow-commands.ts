// Workflow commands: the `::name key=value,...::message` lines the runner reads from stdout
// (annotations, masks, groups, debug). The escaping follows the runner's ActionCommandManager.
import { EOL } from "node:os";

/** Where an annotation points; the runner shows it on that file and those lines. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** A message: `%`, CR and LF are escaped, so a message stays on its one line. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value: as a message, and `:` and `,` too, which end a property. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::command key=value,key=value::message`; properties without a value are left out. */
export function formatCommand(
  command: string,
  properties: Readonly<Record<string, string | number | undefined>>,
  message: string,
): string {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command}${pairs.length > 0 ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}`;
}

/** The runner's names for the annotation properties. */
function annotationProperties(properties: AnnotationProperties): Record<string, string | number | undefined> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

export function issueCommand(
  command: string,
  properties: Readonly<Record<string, string | number | undefined>>,
  message: string,
): void {
  process.stdout.write(formatCommand(command, properties, message) + EOL);
}

/** A plain log line. */
export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** Shown only when the run has debug logging on (ACTIONS_STEP_DEBUG). */
export function debug(message: string): void {
  issueCommand("debug", {}, message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand("error", annotationProperties(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand("warning", annotationProperties(properties), message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issueCommand("notice", annotationProperties(properties), message);
}

/** Masks the value in every later log line of the job. */
export function setSecret(secret: string): void {
  issueCommand("add-mask", {}, secret);
}

export function startGroup(name: string): void {
  issueCommand("group", {}, name);
}

export function endGroup(): void {
  issueCommand("endgroup", {}, "");
}

/** Runs `work` inside a collapsible group of the log, closing it whatever happens. */
export async function group<T>(name: string, work: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await work();
  } finally {
    endGroup();
  }
}

/** Fails the step (exit code 1 when the process ends) with an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}
