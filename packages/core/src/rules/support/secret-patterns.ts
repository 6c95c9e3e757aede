/**
 * Detectors for secrets written in plain text: by the variable's name (DB_PASSWORD) and by the
 * value's shape (an AWS access key id, a GitHub token, a PEM private key ...). Used by
 * no-plaintext-secrets and secret-source-invalid. Nothing here ever returns the secret itself.
 */

export interface SecretValuePattern {
  /** What a person calls it, for a message: "an AWS access key id". */
  label: string;
  pattern: RegExp;
}

/** Values that are secrets whatever the variable is called. */
export const secretValuePatterns: readonly SecretValuePattern[] = [
  { label: "an AWS access key id", pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { label: "a GitHub token", pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}/ },
  { label: "a GitHub token", pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/ },
  { label: "a Slack token", pattern: /(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,}/ },
  { label: "a Slack webhook URL", pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{8,}/ },
  { label: "a PEM private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { label: "a Stripe live secret key", pattern: /(?<![A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{16,}/ },
  { label: "a Google API key", pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { label: "a GitLab token", pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/ },
  { label: "an npm token", pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
];

/**
 * The user info of URLs (`scheme://user:password@`, `scheme://token@`) written as `scheme://***@`,
 * wherever it appears in `text`: what every printer of user text (diffs, summaries, findings) masks.
 */
export function maskUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@"'`<>]+@/gi, "$1***@");
}

/** `scheme://user:password@host`; the password group is checked for placeholders separately. */
const credentialsInUrl = /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s/@]+)@[^\s]/i;

/**
 * Any value pattern, or the `://` of a URL with credentials, as one search: most values (ports,
 * log levels, ARNs) match none, and one search is cheaper than one per pattern.
 */
const anySecretValue = new RegExp([...secretValuePatterns.map(({ pattern }) => pattern.source), "://"].join("|"));

/** `${VAR}`, `$VAR`, `{{ var }}`, `<password>`, `%s`: filled in later, not a secret yet. */
const placeholder = /^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|<[^>]*>|%s|\*+|x+)$/i;

/** What kind of secret the value is, or undefined when no value pattern matches. */
export function secretValueKind(value: string): string | undefined {
  if (!anySecretValue.test(value)) return undefined;
  for (const { label, pattern } of secretValuePatterns) if (pattern.test(value)) return label;
  const url = credentialsInUrl.exec(value);
  if (url && !isPlaceholder(decodeSafely(url[1]!))) return "a password in a URL";
  return undefined;
}

export function isPlaceholder(value: string): boolean {
  return placeholder.test(value.trim());
}

/** A value that is nothing but a placeholder such as `${DB_PASSWORD}`: the secret arrives when it is rendered. */
export function isWholePlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return /^\$\{[^}]+\}$/.test(trimmed) || /^\{\{[^}]+\}\}$/.test(trimmed);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Word parts of a variable name: `dbPassword`, `DB_PASSWORD`, `db-password` -> DB, PASSWORD. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.toUpperCase());
}

/** One word that says "secret" on its own. A part that merely ends with one (DBPASSWORD, GITHUBTOKEN) counts too. */
const secretWords = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS"];
/** Words that say "secret" only as a whole part (PASS, AUTH would match too much as a suffix). */
const secretWholeParts = new Set(["PASS", "PWD", "AUTH", "AUTHORIZATION", "PRIVATEKEY", "ACCESSKEY", "SECRETKEY"]);
/** Two-word names: API_KEY, PRIVATE_KEY, ACCESS_KEY (AWS_SECRET_ACCESS_KEY), SIGNING_KEY ... */
const secretKeyQualifiers = new Set(["API", "PRIVATE", "ACCESS", "SIGNING", "ENCRYPTION", "MASTER", "LICENSE"]);

/**
 * Last words that say the variable holds metadata about a secret, not the secret: DB_PASSWORD_TTL,
 * API_TOKEN_LENGTH, DB_PASSWORD_ARN. `ID` and `URL` are metadata only while the value looks harmless.
 */
const metadataSuffixes = new Set([
  "TTL", "LENGTH", "LEN", "EXPIRY", "EXPIRES", "EXPIRATION", "TIMEOUT", "ARN", "NAME", "PATH", "FILE", "ENABLED",
  "DISABLED", "HEADER", "TYPE", "MODE", "METHOD", "PROVIDER", "ENDPOINT", "HOST", "PORT", "REGION", "ISSUER",
  "AUDIENCE", "SCOPE", "SCOPES", "VERSION", "PARAM", "PARAMETER", "ROTATION", "POLICY", "ALGORITHM",
]);

export type SecretNameVerdict =
  /** The name does not say secret. */
  | "plain"
  /** The name says secret. */
  | "secret"
  /** The name says secret but ends in metadata (…_TTL, …_ARN): only the value's shape decides. */
  | "metadata"
  /** …_ID / …_URL: a secret only when the value looks like one. */
  | "secret-if-value-looks-secret";

export function classifySecretName(name: string): SecretNameVerdict {
  let verdict = nameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeSecretName(name);
    if (nameVerdicts.size < 10_000) nameVerdicts.set(name, verdict);
  }
  return verdict;
}

// A file names the same few variables (PORT, LOG_LEVEL) in every container.
const nameVerdicts = new Map<string, SecretNameVerdict>();

/**
 * Names that hold a credential whatever their last word says: trivy's ecs/no_plaintext_secrets and
 * AWS Config's ecs-no-environment-secrets (default list AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * ECS_ENGINE_AUTH_DATA) flag them by name alone.
 */
const credentialNames = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "ECS_ENGINE_AUTH_DATA"]);

function judgeSecretName(name: string): SecretNameVerdict {
  const parts = nameParts(name);
  if (credentialNames.has(parts.join("_"))) return "secret";
  const saysSecret = parts.some(
    (part, index) =>
      secretWords.some((word) => part === word || (part.length > word.length && part.endsWith(word))) ||
      secretWholeParts.has(part) ||
      (part === "KEY" && index > 0 && secretKeyQualifiers.has(parts[index - 1]!)),
  );
  if (!saysSecret) return "plain";
  const last = parts[parts.length - 1]!;
  if (last === "ID" || last === "URL" || last === "URI") return "secret-if-value-looks-secret";
  if (metadataSuffixes.has(last)) return "metadata";
  return "secret";
}

/**
 * Values that are not secrets even under a secret-looking name: empty, a number, a boolean, an ARN,
 * a duration, a file path, a URL without credentials.
 */
export function isHarmlessValue(value: string): boolean {
  const text = value.trim();
  if (text === "") return true;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return true;
  if (/^(?:true|false|yes|no|on|off|enabled|disabled|none|null)$/i.test(text)) return true;
  if (/^arn:aws[a-z-]*:[a-z0-9-]+:/.test(text)) return true;
  if (/^\d+(?:\.\d+)?\s*(?:ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hours?|d|days?|w|weeks?)$/i.test(text)) return true;
  if (/^(?:\/|~\/|\.\.?\/)[^\s]*$/.test(text) || /^[A-Za-z]:\\[^\s]*$/.test(text)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(text) && secretValueKind(text) === undefined) return true;
  return false;
}

/** A long random-looking token (for names such as ACCESS_KEY_ID where only the value can tell). */
export function looksLikeRandomToken(value: string): boolean {
  const text = value.trim();
  if (text.length < 20 || !/^[A-Za-z0-9+/=_.-]+$/.test(text)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return false; // a UUID
  if (/^[0-9a-f]+$/i.test(text)) return false; // a hash such as a git SHA
  return /[A-Za-z]/.test(text) && /\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text);
}

export type EnvironmentSecret =
  | { by: "value"; kind: string }
  | { by: "name" };

/** Whether an environment variable carries a secret, judged from its name and its literal value. */
export function detectEnvironmentSecret(name: string | undefined, value: string): EnvironmentSecret | undefined {
  const kind = secretValueKind(value);
  if (kind) return { by: "value", kind };
  if (name === undefined) return undefined;
  const verdict = classifySecretName(name);
  if (verdict === "secret" && isNumericPassword(name, value)) return { by: "name" };
  if (verdict === "secret" && !isHarmlessValue(value) && !isPlaceholder(value)) return { by: "name" };
  if (verdict === "secret-if-value-looks-secret" && looksLikeRandomToken(value)) return { by: "name" };
  return undefined;
}

/** Last words that name a password itself: under them a number of four digits or more is a PIN-like password. */
const passwordWords = ["PASSWORD", "PASSWD", "PASSPHRASE", "PWD", "PASS", "SECRET"];

/**
 * `DB_PASSWORD=123123`: a number is harmless under most secret-sounding names (TOKENS_PER_MINUTE,
 * AUTH=1), but not under a name that ends in a password word (KICS's own positive case).
 */
function isNumericPassword(name: string, value: string): boolean {
  if (!/^\d{4,}$/.test(value.trim())) return false;
  const last = nameParts(name).at(-1) ?? "";
  return passwordWords.some((word) => last === word || (word.length > 4 && last.endsWith(word)));
}

/** Whether a text that should be a reference (an ARN, a parameter name) looks like the secret itself. */
export function looksLikePlainSecret(value: string): boolean {
  return secretValueKind(value) !== undefined || /\s/.test(value.trim()) || looksLikeRandomToken(value);
}
