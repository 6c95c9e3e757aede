import {
  describeValue,
  Fields,
  type JsonObject,
  quoteList,
  readEnum,
  readPositiveInteger,
  type Report,
} from "./internal-fields.js";
import { countWildcards, MAX_PATTERN_WILDCARDS } from "./tag-match.js";
import type { CountType, LifecyclePath, StorageClass, TagStatus } from "./types.js";

const SELECTION_KEYS = [
  "tagStatus",
  "tagPatternList",
  "tagPrefixList",
  "storageClass",
  "countType",
  "countUnit",
  "countNumber",
];
const TAG_STATUSES = ["tagged", "untagged", "any"] as const;
const COUNT_TYPES = ["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"] as const;
const STORAGE_CLASSES = ["standard", "archive"] as const;
type TagListKey = "tagPatternList" | "tagPrefixList";

/**
 * ECR keeps an archived image at least 90 days. AWS ECR User Guide, "Archiving an image": "You
 * cannot configure lifecycle policies that delete images that have been in archive for less than
 * 90 days."
 */
export const MIN_ARCHIVE_DAYS = 90;

export interface SelectionSummary {
  tagStatus?: TagStatus;
  countType?: CountType;
  storageClass: StorageClass;
  tagFilter?: { key: TagListKey; values: string[] };
}

export function checkSelection(raw: JsonObject, path: LifecyclePath, report: Report): SelectionSummary {
  const selection = new Fields(raw, path, "a selection", SELECTION_KEYS, report);
  const tagStatus = readEnum(selection, "tagStatus", TAG_STATUSES, report);
  if (!selection.has("tagStatus"))
    selection.missing("tagStatus", `write ${quoteList(TAG_STATUSES)}`, '"tagStatus": "tagged"');
  const tagFilter = checkTagLists(selection, tagStatus, report);

  const countType = readEnum(selection, "countType", COUNT_TYPES, report);
  if (!selection.has("countType")) {
    selection.missing("countType", `write ${quoteList(COUNT_TYPES)}`, '"countType": "imageCountMoreThan"');
  }
  checkCountUnit(selection, countType, report);
  const countNumber = readPositiveInteger(selection, "countNumber", "ECR takes whole numbers of 1 or more", report);
  if (countType === "sinceImageTransitioned" && countNumber !== undefined && countNumber < MIN_ARCHIVE_DAYS) {
    report(
      selection.at("countNumber"),
      `countNumber ${countNumber} is below ${MIN_ARCHIVE_DAYS}: ECR does not let a lifecycle policy delete images ` +
        `archived for less than ${MIN_ARCHIVE_DAYS} days`,
      `"countNumber": ${MIN_ARCHIVE_DAYS}`,
    );
  }

  // AWS ECR User Guide, "Lifecycle policy properties", storageClass: "archive" is required with
  // sinceImageTransitioned and is its only value; every other count type supports only "standard".
  const storageClass = readEnum(selection, "storageClass", STORAGE_CLASSES, report);
  if (countType === "sinceImageTransitioned") {
    if (!selection.has("storageClass")) {
      selection.missing(
        "storageClass",
        'sinceImageTransitioned selects archived images: write "archive"',
        '"storageClass": "archive"',
      );
    } else if (storageClass === "standard") {
      report(
        selection.at("storageClass"),
        'sinceImageTransitioned selects archived images, not "standard" ones: write "archive"',
        '"storageClass": "archive"',
      );
    }
  } else if (countType !== undefined && storageClass === "archive") {
    report(
      selection.at("storageClass"),
      `storageClass "archive" goes only with countType "sinceImageTransitioned"; ${countType} rules select standard images`,
      'remove "storageClass"',
    );
  }
  selection.finish();
  return {
    ...(tagStatus === undefined ? {} : { tagStatus }),
    ...(countType === undefined ? {} : { countType }),
    storageClass: storageClass ?? "standard",
    ...(tagFilter === undefined ? {} : { tagFilter }),
  };
}

function checkTagLists(
  selection: Fields,
  tagStatus: TagStatus | undefined,
  report: Report,
): SelectionSummary["tagFilter"] {
  const lists = new Map<TagListKey, string[]>();
  for (const key of ["tagPatternList", "tagPrefixList"] as const) {
    const entries = readTagList(selection, key, report);
    if (entries) lists.set(key, entries);
  }
  const given = (["tagPatternList", "tagPrefixList"] as const).filter((key) => selection.has(key));
  if (tagStatus === "tagged") {
    if (given.length === 0) {
      const key =
        selection.object.tagPrefixList === null && selection.object.tagPatternList === undefined
          ? "tagPrefixList"
          : "tagPatternList";
      selection.missing(
        key,
        'tagStatus "tagged" needs a tagPatternList or a tagPrefixList',
        '"tagPatternList": ["prod*"]',
      );
    } else if (given.length === 2) {
      // The two lists AND together, and a prefix p is the pattern p*: one pattern list says the same.
      const merged = [
        ...(lists.get("tagPatternList") ?? []),
        ...(lists.get("tagPrefixList") ?? []).map((prefix) => `${prefix}*`),
      ];
      report(
        selection.at("tagPrefixList"),
        "a rule takes a tagPatternList or a tagPrefixList, never both; fold the prefixes into the pattern list " +
          '(prefix "p" is pattern "p*") and remove tagPrefixList',
        `"tagPatternList": ${JSON.stringify(merged)}`,
      );
    } else {
      const key = given[0] as TagListKey;
      const values = lists.get(key);
      if (values) return { key, values };
    }
  } else if (tagStatus !== undefined) {
    for (const key of given) {
      report(
        selection.at(key),
        `tagStatus "${tagStatus}" takes no ${key}; remove it, or make the rule "tagStatus": "tagged" to select by tag`,
        `remove "${key}"`,
      );
    }
  }
  return undefined;
}

/** The list's string entries, when it is an array; reports what is wrong with it and its entries. */
function readTagList(selection: Fields, key: TagListKey, report: Report): string[] | undefined {
  const value = selection.get(key);
  if (value === undefined) return undefined;
  const kind = key === "tagPatternList" ? "pattern" : "prefix";
  if (!Array.isArray(value)) {
    report(
      selection.at(key),
      `${key} must be an array of strings, found ${describeValue(value)}`,
      typeof value === "string"
        ? `"${key}": ${JSON.stringify(value.split(",").map((part) => part.trim()))}`
        : undefined,
    );
    return undefined;
  }
  if (value.length === 0)
    report(
      selection.at(key),
      `${key} is empty; list at least one ${kind}`,
      `"${key}": ["prod${kind === "pattern" ? "*" : ""}"]`,
    );
  const entries: string[] = [];
  value.forEach((entry, index) => {
    if (typeof entry !== "string") {
      report(selection.at(key, index), `each ${kind} is a string, found ${describeValue(entry)}`);
      return;
    }
    if (entry === "") {
      const effect = kind === "pattern" ? "matches no tag" : "matches every tag";
      report(
        selection.at(key, index),
        `an empty ${kind} ${effect}; to select every tagged image write the pattern "*"`,
        '"tagPatternList": ["*"]',
      );
      return;
    }
    const wildcards = kind === "pattern" ? countWildcards(entry) : 0;
    if (wildcards > MAX_PATTERN_WILDCARDS) {
      const collapsed = entry.replace(/\*+/g, "*");
      report(
        selection.at(key, index),
        `pattern "${entry}" has ${wildcards} wildcards; ECR allows at most ${MAX_PATTERN_WILDCARDS} "*" in one pattern`,
        countWildcards(collapsed) <= MAX_PATTERN_WILDCARDS ? JSON.stringify(collapsed) : undefined,
      );
    }
    entries.push(entry);
  });
  return entries;
}

function checkCountUnit(selection: Fields, countType: CountType | undefined, report: Report): void {
  const unit = selection.get("countUnit");
  if (countType === "imageCountMoreThan") {
    if (unit !== undefined) {
      report(
        selection.at("countUnit"),
        `imageCountMoreThan counts images, not days: remove countUnit ${describeValue(unit)}`,
        'remove "countUnit"',
      );
    }
    return;
  }
  if (countType !== undefined && unit === undefined) {
    selection.missing("countUnit", `${countType} counts days: write "days"`, '"countUnit": "days"');
  } else if (unit !== undefined && unit !== "days") {
    report(
      selection.at("countUnit"),
      `countUnit ${describeValue(unit)} is not supported; ECR counts in "days"`,
      '"countUnit": "days"',
    );
  }
}
