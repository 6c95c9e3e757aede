/**
 * A pragmatic syntax check of the ECS cluster query language used by memberOf placement
 * constraints (ECS Developer Guide, "Create expressions to define container instances for Amazon
 * ECS tasks": https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html).
 *
 *   expression := or
 *   or         := and (("or" | "||") and)*
 *   and        := unary (("and" | "&&") unary)*
 *   unary      := ("not" | "!") unary | "(" or ")" | simple
 *   simple     := subject operator [argument]
 *
 * Subjects: agentConnected, agentVersion, attribute:<name>, ec2InstanceId, registeredAt,
 * runningTasksCount, task:group. Operators: == equals, != not_equals, > greater_than,
 * >= greater_than_equal, < less_than, <= less_than_equal, exists, !exists not_exists, in,
 * !in not_in, =~ matches, !~ not_matches. exists/not_exists take no argument, in/not_in take a
 * list `[a, b]`, the others one value (a Java regular expression for the match operators).
 *
 * It checks the shape only: subjects and operators are known, parentheses and brackets balance,
 * and every operator has the argument it needs. It does not check that an operator suits its
 * subject or that a regular expression compiles. Names are matched case-insensitively.
 */

/** The API's limit on a placement constraint expression. */
export const MAX_EXPRESSION_LENGTH = 2000;

const SUBJECT = /^(agentConnected|agentVersion|ec2InstanceId|registeredAt|runningTasksCount|task:group|attribute:.+)$/i;
/** Longest first, so ">=" is not read as ">". */
const SYMBOL_OPERATORS = ["!exists", "!in", "==", "!=", ">=", "<=", "=~", "!~", ">", "<"];
const WORD_OPERATORS = [
  "equals",
  "not_equals",
  "greater_than_equal",
  "greater_than",
  "less_than_equal",
  "less_than",
  "not_exists",
  "exists",
  "not_in",
  "in",
  "not_matches",
  "matches",
];
const NO_ARGUMENT = new Set(["exists", "!exists", "not_exists"]);
const LIST_ARGUMENT = new Set(["in", "!in", "not_in"]);
const OPERATOR_LIST = "==, !=, >, >=, <, <=, exists, !exists, in, not_in, =~, !~ (or their word forms)";

class QueryProblem extends Error {}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  run(): void {
    this.or();
    this.skipSpace();
    if (this.pos < this.text.length) {
      const rest = this.text.slice(this.pos);
      throw new QueryProblem(rest.startsWith(")") ? "a ) has no matching (" : `unexpected "${clip(rest)}"`);
    }
  }

  private or(): void {
    this.and();
    while (this.keyword("or") || this.symbol("||")) this.and();
  }

  private and(): void {
    this.unary();
    while (this.keyword("and") || this.symbol("&&")) this.unary();
  }

  private unary(): void {
    this.skipSpace();
    if (this.keyword("not") || this.symbol("!")) {
      this.unary();
      return;
    }
    if (this.symbol("(")) {
      this.or();
      if (!this.symbol(")")) throw new QueryProblem("a ( is not closed");
      return;
    }
    this.simple();
  }

  private simple(): void {
    this.skipSpace();
    const subject = this.read(/[^\s()=!<>~[\],]/);
    if (subject === "") {
      throw new QueryProblem(
        this.pos >= this.text.length
          ? "the expression ends where a condition is expected"
          : `expected a condition at "${clip(this.text.slice(this.pos))}"`,
      );
    }
    if (!SUBJECT.test(subject)) {
      throw new QueryProblem(
        `"${subject}" is not a subject: use attribute:<name>, task:group, ec2InstanceId, agentConnected, agentVersion, registeredAt or runningTasksCount`,
      );
    }
    const operator = this.operator();
    if (!operator) throw new QueryProblem(`"${subject}" is not followed by a known operator (${OPERATOR_LIST})`);
    if (NO_ARGUMENT.has(operator)) return;
    this.skipSpace();
    if (LIST_ARGUMENT.has(operator)) {
      if (!this.symbol("[")) throw new QueryProblem(`"${operator}" expects a list such as [value1, value2]`);
      const close = this.text.indexOf("]", this.pos);
      if (close < 0) throw new QueryProblem("a [ is not closed");
      this.pos = close + 1;
      return;
    }
    if (this.value() === "") throw new QueryProblem(`"${subject} ${operator}" has no value to compare with`);
  }

  private operator(): string | undefined {
    this.skipSpace();
    for (const symbol of SYMBOL_OPERATORS) {
      if (this.text.startsWith(symbol, this.pos)) {
        // "!in" and "!exists" are whole words: "!inx" is not an operator.
        if (/[a-z]$/.test(symbol) && /[\w]/.test(this.text[this.pos + symbol.length] ?? "")) continue;
        this.pos += symbol.length;
        return symbol;
      }
    }
    const start = this.pos;
    const word = this.read(/[A-Za-z_]/).toLowerCase();
    if (WORD_OPERATORS.includes(word)) return word;
    this.pos = start;
    return undefined;
  }

  /** A literal: quoted, or a run up to white space or a ) that closes an enclosing group. */
  private value(): string {
    const quote = this.text[this.pos];
    if (quote === "'" || quote === '"') {
      const close = this.text.indexOf(quote, this.pos + 1);
      if (close < 0) throw new QueryProblem(`a ${quote} is not closed`);
      const value = this.text.slice(this.pos, close + 1);
      this.pos = close + 1;
      return value;
    }
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (/\s/.test(char)) break;
      if (char === "(") depth++;
      if (char === ")") {
        if (depth === 0) break;
        depth--;
      }
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private keyword(word: string): boolean {
    this.skipSpace();
    const candidate = this.text.slice(this.pos, this.pos + word.length);
    const next = this.text[this.pos + word.length] ?? "";
    if (candidate.toLowerCase() !== word || /[\w:.-]/.test(next)) return false;
    this.pos += word.length;
    return true;
  }

  private symbol(symbol: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(symbol, this.pos)) return false;
    this.pos += symbol.length;
    return true;
  }

  private read(allowed: RegExp): string {
    const start = this.pos;
    while (this.pos < this.text.length && allowed.test(this.text[this.pos]!)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}...` : text;
}

/** Why the expression is not valid cluster query language, or undefined when it looks valid. */
export function clusterQueryProblem(expression: string): string | undefined {
  if (expression.trim() === "") return "the expression is empty";
  if (expression.length > MAX_EXPRESSION_LENGTH)
    return `the expression is ${expression.length} characters long; ECS allows ${MAX_EXPRESSION_LENGTH}`;
  try {
    new Parser(expression).run();
    return undefined;
  } catch (error) {
    if (error instanceof QueryProblem) return error.message;
    throw error;
  }
}
