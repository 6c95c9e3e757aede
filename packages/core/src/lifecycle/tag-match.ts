import type { ImageColumns } from "./image-columns.js";
import type { LifecycleSelection } from "./types.js";

/** ECR accepts at most four `*` in one tagPatternList entry. */
export const MAX_PATTERN_WILDCARDS = 4;

export function countWildcards(pattern: string): number {
  let count = 0;
  for (const char of pattern) if (char === "*") count++;
  return count;
}

/**
 * Whether a tagPatternList entry matches a whole tag: `*` stands for any run of characters, the
 * empty run included; every other character matches itself (there is no escape and no `?`).
 */
export function matchesTagPattern(pattern: string, tag: string): boolean {
  return tagPatternMatcher(pattern)(tag);
}

/** matchesTagPattern with the pattern split once, for matching many tags. */
function tagPatternMatcher(pattern: string): (tag: string) => boolean {
  const parts = pattern.split("*");
  if (parts.length === 1) return (tag) => tag === pattern;
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  const middleParts = parts.slice(1, -1);
  return (tag) => {
    if (tag.length < first.length + last.length) return false;
    if (!tag.startsWith(first) || !tag.endsWith(last)) return false;
    // With only `*` wildcards, taking the leftmost occurrence of each middle part is never worse
    // than any later one, so a greedy scan decides the match.
    const end = tag.length - last.length;
    let from = first.length;
    for (const part of middleParts) {
      const at = tag.indexOf(part, from);
      if (at < 0 || at + part.length > end) return false;
      from = at + part.length;
    }
    return true;
  };
}

export function matchesTagPrefix(prefix: string, tag: string): boolean {
  return tag.startsWith(prefix);
}

/**
 * Whether an image's tags satisfy a rule's tag filter. Several list entries mean AND: each entry
 * must match at least one of the image's tags (the tags need not be different ones).
 * AWS ECR User Guide, "Lifecycle policy evaluation rules": "An image is successfully matched if
 * all of the tags in the tagPatternList or tagPrefixList value are matched against any of the
 * image's tags."
 */
export function selectionMatchesTags(selection: LifecycleSelection, imageTags: readonly string[]): boolean {
  return tagFilter(selection)(imageTags);
}

/** selectionMatchesTags for one selection and many images: the patterns are read once. */
export function tagFilter(selection: LifecycleSelection): (imageTags: readonly string[]) => boolean {
  switch (selection.tagStatus) {
    case "any":
      return () => true;
    case "untagged":
      return (imageTags) => imageTags.length === 0;
    case "tagged": {
      const entries = tagMatchers(selection);
      return (imageTags) => imageTags.length > 0 && entries.every((matches) => imageTags.some(matches));
    }
  }
}

function tagMatchers(selection: LifecycleSelection): ((tag: string) => boolean)[] {
  return [
    ...(selection.tagPatternList ?? []).map(tagPatternMatcher),
    ...(selection.tagPrefixList ?? []).map((prefix) => (tag: string) => matchesTagPrefix(prefix, tag)),
  ];
}

/** tagFilter for images held in columns: whether image `index`'s tags satisfy the selection. */
export function columnsTagFilter(selection: LifecycleSelection): (columns: ImageColumns, index: number) => boolean {
  switch (selection.tagStatus) {
    case "any":
      return () => true;
    case "untagged":
      return ({ tagStart }, index) => tagStart[index] === tagStart[index + 1];
    case "tagged": {
      const entries = tagMatchers(selection);
      return ({ tagStart, tagValues }, index) => {
        const start = tagStart[index] as number;
        const end = tagStart[index + 1] as number;
        if (start === end) return false;
        for (const matches of entries) {
          let any = false;
          for (let at = start; at < end && !any; at++) any = matches(tagValues[at] as string);
          if (!any) return false;
        }
        return true;
      };
    }
  }
}
