/** POSIX path arithmetic on the relative paths findings name (core does no I/O, so no node:path). */

export function dirOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "." : file.slice(0, slash) || "/";
}

export function normalize(path: string): string {
  const absolute = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length && parts[parts.length - 1] !== "..") parts.pop();
    else if (part !== ".." || !absolute) parts.push(part);
  }
  const joined = parts.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

export function join(base: string, path: string): string {
  return path.startsWith("/") ? normalize(path) : normalize(`${base}/${path}`);
}

/** The path from directory `from` to `to`, both relative to one place. */
export function relativePath(from: string, to: string): string {
  const fromParts = normalize(from)
    .split("/")
    .filter((part) => part !== ".");
  const toParts = normalize(to)
    .split("/")
    .filter((part) => part !== ".");
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => "..");
  return [...up, ...toParts.slice(common)].join("/") || ".";
}
