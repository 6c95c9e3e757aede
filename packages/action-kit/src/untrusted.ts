// Text that comes from a user's file (a task definition's keys, a diff) goes to the log raw with
// core.info, and the runner reads any line of it that starts with `::` as a workflow command. The
// runner's own pair `::stop-commands::TOKEN` ... `::TOKEN::` turns command processing off around
// it; the token is random, so the text cannot end the block itself.
import { randomUUID } from "node:crypto";
import * as core from "@actions/core";
import { maskUrlCredentials } from "@shipshape/core";

/** Prints `text` (lines from a user's file) so that no line of it acts as a workflow command. */
export function printUntrusted(text: string): void {
  const token = `shipshape-${randomUUID()}`;
  core.info(`::stop-commands::${token}`);
  core.info(maskUrlCredentials(text));
  core.info(`::${token}::`);
}

export { maskUrlCredentials };
