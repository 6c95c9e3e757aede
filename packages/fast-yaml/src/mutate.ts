/**
 * Mutated variants of a YAML text for fuzzing the readers: each call applies one to four edits
 * chosen with `random` (a function returning [0, 1), seeded by the caller so a run can be
 * replayed): characters flipped, YAML syntax inserted where it changes the meaning (anchors,
 * aliases, tags, `? ` keys, block scalar headers, flow brackets, document markers, tabs, CR),
 * lines re-indented, cut or repeated, CRLF line breaks and a byte-order mark, deep nesting, and
 * alias chains that expand exponentially. What to check of each variant: the readers end quickly,
 * a failure is a plain syntax problem, and the fast reader either declines or agrees with the
 * `yaml` package.
 */
export function mutateYaml(text: string, random: () => number): string {
  let mutated = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) mutated = pick(mutations, random)(mutated, random);
  return mutated;
}

type Mutation = (text: string, random: () => number) => string;

const tokens = [
  "&a ",
  "*a",
  "&b ",
  "*b ",
  "!Ref ",
  "!Sub ",
  "!GetAtt x.y",
  "!!str ",
  "!<tag:x> ",
  "? ",
  ": ",
  "- ",
  "|",
  "|-\n",
  ">+\n",
  "|2\n",
  "<<: ",
  "#",
  " # c",
  '"',
  "'",
  "''",
  "\\",
  '\\"',
  "\\x4",
  "\\u00e9",
  "[",
  "]",
  "{",
  "}",
  ", ",
  "\t",
  "\r",
  "\r\n",
  "\n",
  "\n\n",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
  "\ufeff",
  "\u2028",
  "\u0085",
  "~",
  "null",
  "0x1F",
  "1e3",
  ".inf",
  "😀",
];

const characters = ' \t\r\n-:?!&*#|>\'"%@`{}[],\\~.0aZ\u00a0\ufeff';

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function position(text: string, random: () => number): number {
  return Math.floor(random() * (text.length + 1));
}

function lines(text: string): string[] {
  return text.split("\n");
}

const mutations: Mutation[] = [
  // A character replaced.
  (text, random) => {
    const at = position(text, random);
    return text.slice(0, at) + pick([...characters], random) + text.slice(at + 1);
  },
  // YAML syntax inserted, anywhere or at a line's first content.
  (text, random) => {
    const at = position(text, random);
    return text.slice(0, at) + pick(tokens, random) + text.slice(at);
  },
  (text, random) => {
    const all = lines(text);
    const line = Math.floor(random() * all.length);
    const content = all[line]!.search(/\S/);
    const at = content === -1 ? 0 : content;
    all[line] = all[line]!.slice(0, at) + pick(tokens, random) + all[line]!.slice(at);
    return all.join("\n");
  },
  // A range cut out.
  (text, random) => {
    const at = position(text, random);
    return text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
  },
  // A line indented more or less.
  (text, random) => {
    const all = lines(text);
    const line = Math.floor(random() * all.length);
    const shift = Math.floor(random() * 7) - 3;
    all[line] = shift > 0 ? " ".repeat(shift) + all[line] : all[line]!.replace(new RegExp(`^ {0,${-shift}}`), "");
    return all.join("\n");
  },
  // A line repeated (a duplicate key, often) or two lines swapped.
  (text, random) => {
    const all = lines(text);
    const line = Math.floor(random() * all.length);
    if (random() < 0.5) all.splice(line, 0, all[line]!);
    else {
      const other = Math.floor(random() * all.length);
      [all[line], all[other]] = [all[other]!, all[line]!];
    }
    return all.join("\n");
  },
  // CRLF line breaks, a byte-order mark, tabs for some indentation.
  (text, random) => {
    const choice = random();
    if (choice < 0.4) return text.replaceAll("\n", "\r\n");
    if (choice < 0.7) return `\ufeff${text}`;
    return text.replace(/\n {2}/g, (match) => (random() < 0.2 ? "\n\t" : match));
  },
  // Deep nesting: flow brackets, compact sequences, an indentation ladder, tags.
  (text, random) => {
    const depth = 1 + Math.floor(random() * random() * 1200);
    const at = position(text, random);
    const shapes = [
      () => `${"[".repeat(depth)}${"]".repeat(depth)}`,
      () => `${"{a: ".repeat(depth)}1${"}".repeat(depth)}`,
      () => `\n${"- ".repeat(depth)}x\n`,
      () => `\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}k:`).join("\n")}\n`,
      () => `${"!T ".repeat(Math.min(depth, 3))}x`,
    ];
    return text.slice(0, at) + pick(shapes, random)() + text.slice(at);
  },
  // Aliases that expand exponentially ("billion laughs").
  (text, random) => {
    const levels = 2 + Math.floor(random() * 10);
    const width = 2 + Math.floor(random() * 9);
    const block = [`l0: &l0 [${Array(width).fill('"lol"').join(", ")}]`];
    for (let level = 1; level < levels; level++)
      block.push(`l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(", ")}]`);
    return `${text.replace(/\n?$/, "\n")}${block.join("\n")}\n`;
  },
];
