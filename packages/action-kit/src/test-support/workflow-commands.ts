/** The lines the runner takes as workflow commands: those outside ::stop-commands:: blocks. */
export function activeCommands(log: string): string[] {
  const active: string[] = [];
  let stopToken: string | undefined;
  for (const line of log.split("\n")) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (line.startsWith("::")) active.push(line);
  }
  return active;
}
