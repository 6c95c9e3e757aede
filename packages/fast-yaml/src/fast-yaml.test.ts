import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Document, isCollection, isScalar, stringify, visit, type ToStringOptions } from "yaml";
import { parseYamlFast } from "./block-reader.js";
import { verdict } from "./test-support/differential.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));

function yamlFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

// The fixtures beside this file are read in corpus.test.ts, some of them declined on purpose.
const repositoryFiles = ["examples", "bench/corpus", "packages/core/src"].flatMap((folder) =>
  yamlFilesUnder(join(repository, folder)).map((file) => relative(repository, file)),
);

const template = `AWSTemplateFormatVersion: "2010-09-09"
Description: >-
  Orders service: a Fargate task
  and its service.
Parameters:
  Env: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]

Resources:
  # The task definition
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub '\${AWS::StackName}-orders'
      Cpu: "256"
      Memory: 512
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: !Join
            - ":"
            - - !Ref Repository
              - v1.2.3   # pinned
          Essential: true
          Environment:
          - Name: MODE
            Value: !If [IsProd, "production", 'development']
          Command:
            - /bin/sh
            - -c
            - |
              echo "starting"
              exec app --port 8080

        # A sidecar
        - Name: sidecar
          Image: "public.ecr.aws/x/y@sha256:abc"
          Essential: false
          HealthCheck: { Command: [CMD-SHELL, "curl -f http://localhost/ || exit 1"], Interval: 30 }
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      DesiredCount: !If
        - IsProd
        - 4
        - 1
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo \${AWS::Region} > /tmp/region
      Tags: []
Outputs:
  TaskArn:
    Value: !Ref Task
`;

/** Inputs the fast reader must read, and read exactly as the yaml path does. */
const supported = [
  template,
  "a: 1\nb:\n  c: x # note\n  d: [1, 2]   \n\n# trailing\ne:  \nf: !Ref  X\n",
  "a:\n  b: 1\n  # kept by the inner map\nc: 2\n",
  "a:\n  b: 1\n    # claimed by the value 1\nc: 2\n",
  "x:\n  a:\n    b: 1\n   # passed up\n  # and up\n  d: 2\n",
  "a:\n- x\n  # claimed by x\nb: 1\n",
  "a:\n  -\n  # around an empty item\nb: 1\n",
  "a:\n  b: # on the key line\nc: 1\n",
  "c:\n  a: |\n    x\n  # after a block scalar\n\nb: 1\n",
  "a: >\n  folded\n  lines\n\n  para\n    more indented\n  back\n",
  "a: |-\n  literal\n\n  kept\n",
  'a: "x  \n   y\\\n  z  \n\n  w "\n',
  "a: 'it''s\n\n  folded '\n",
  "a: hello\n  world\n\n  again # comment\nb: 1\n",
  "- a: 1\n  b: 2\n- - c\n  - d\n-   e: 3\n    f:\n    - g\n",
  "a: true\nb: False\nc: yes\nd: ~\ne: null\nf: 0o17\ng: 0x1F\nh: 1e3\ni: .inf\nj: -.Inf\nk: .nan\nl: 1.50\nm: 010\nn: -0\no: +5\np: 1_000\nq: 2010-09-09\n",
  "1: a\ntrue: b\nnull: c\n~: d\n1.0: e\n0x10: f\n\"q\": g\n'r s': h\n",
  'a: {b: 1, "c":2, d: [x, y], e: {}}\nf: [!Ref a, !GetAtt b.c, !Sub "x"]\n',
  "a: [1, # note\n  2 ]  # end\n",
  "---\na: 1\n",
  "--- # the document\na: 1\n",
  'a: "\\t\\u00e9\\x41\\\\ \\" \\/ \\N\\_\\L\\P\\U0001F600"\n',
  // CRLF line breaks, a byte-order mark, tabs where YAML allows them
  "a: 1\r\nb:\r\n  - x\r\n  - 'y\r\n    z'\r\nc: |\r\n  l1\r\n\r\n  l2\r\nd: \"q\r\n  r\" # c\r\n",
  "\ufeffa: 1\nb: [x, y]\n",
  "\ufeff---\r\na: !Ref x\r\n",
  "a: x\t\nb: 'y\tz'\t# c\t\nc: \"\tq\t\n  r\"\nd: [1,\t2]\ne:\t# c\n  f: 1\n",
  "a: plain\ttab inside\n",
  // Quoted scalars continued at their key's indentation or less, as PyYAML reads them
  'Description: "AWS CloudFormation Sample Template:\nsome more text"\nb: 1\n',
  "a:\n  - 'x\n y'\n  - b: \"one\n  two\n\n three\"\n",
  'a:\r\n  b: "x\r\nb: 1"\r\n',
  // A `#` line inside a quoted scalar is content, not a comment (YAML 1.2 has no comments inside
  // scalars). Left of the quote, the yaml package first reads it as an item of its own and reports
  // the unclosed quote only after that (found by the property below under FC_SEED=-22842836).
  "- - - '''\n  # note 218\n\n      '\n    - 0\n- false\n",
];

/** Inputs outside the subset or in error: declined, so the yaml package reads them (or reports the error). */
const declined = [
  ["an anchor and alias", "base: &b\n  cpu: 256\ntask: *b\n"],
  ["a complex key", "? a\n: b\n"],
  ["a merge key", "base: {a: 1}\ntask:\n  <<: {b: 2}\n"],
  ["several documents", "a: 1\n---\nb: 2\n"],
  ["a document end", "a: 1\n...\n"],
  ["a directive", "%YAML 1.2\n---\na: 1\n"],
  ["a tab as indentation", "a:\n\tb: 1\n"],
  ["a tab before a continuation line", 'a: "x\n\ty"\n'],
  ["a tab in a block scalar's indentation", "a: |\n  x\n\ty\n"],
  ["a lone CR line break", "a: 1\rb: 2\n"],
  ["a byte-order mark past the start", "a: \ufeff1\n"],
  ["a document marker in a quoted scalar", 'a: "x\n---\ny"\n'],
  ["an indented root", "  a: 1\n"],
  ["an empty document", "# nothing\n"],
  ["a !! tag", "a: !!str 1\n"],
  ["a verbatim tag", "a: !<tag:x> 1\n"],
  ["an empty tagged node", "a: !Ref\nb: 1\n"],
  ["a keep-chomping block scalar", "a: |+\n  x\n\n"],
  ["an indentation indicator", "a: |2\n   x\n"],
  ["a flow key", "[a]: b\n"],
  ["a trailing comma", "a: [1, 2,]\n"],
  ["a pair in a flow sequence", "a: [b: c]\n"],
  ["an unterminated flow sequence", "a: [1, 2\nb: c\n"],
  ["a bad indentation", "a:\n    b: 1\n  c: 2\n"],
  ["a compact nested mapping", "a: b: c\n"],
  ["a sequence on a key line", "a: - b\n"],
  ["an invalid escape", 'a: "\\q"\n'],
  ["an unterminated quote", "a: 'x\n"],
  ["a comment without a space", 'a: "x"#c\n'],
  ["two tags on a node", "a: !A !B x\n"],
] as const;

describe("parseYamlFast", () => {
  it.each(repositoryFiles)("reads %s as the yaml path does", (file) => {
    expect(verdict(readFileSync(join(repository, file), "utf8"))).toBe("same");
  });

  it.each(supported.map((text) => [JSON.stringify(text).slice(0, 60), text]))(
    "reads %s as the yaml path does",
    (_, text) => {
      expect(verdict(text)).toBe("same");
    },
  );

  it.each(declined)("declines %s", (_, text) => {
    expect(verdict(text)).toBe("declined");
    expect(parseYamlFast(text)).toBeUndefined();
  });
});

describe("parseYamlFast against yaml.stringify output", () => {
  const tricky = [..."ab yz:#-'\"\n\t\\{}[],&*!|>%@`?~é€😀\u00a0"];
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...tricky), maxLength: 12 }),
    fc.constantFrom(
      "",
      " ",
      "true",
      "False",
      "null",
      "~",
      "1",
      "-0",
      "0x1F",
      "1e3",
      ".inf",
      "yes",
      "- x",
      "a: b",
      "#x",
      "---",
      "<<",
    ),
    fc.string({ unit: fc.constantFrom(..."abcdefgh "), minLength: 60, maxLength: 200 }),
  );
  const scalarValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalarValue,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(text, tie("value"), { maxKeys: 4 }),
    ),
  }));
  const optionSets: ToStringOptions[] = [
    {},
    { lineWidth: 0 },
    { lineWidth: 20, minContentWidth: 0 },
    { defaultStringType: "QUOTE_DOUBLE" },
    { defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" },
    { collectionStyle: "flow" },
    { collectionStyle: "flow", flowCollectionPadding: false, lineWidth: 30 },
    { indent: 4, indentSeq: false },
    { blockQuote: "folded" },
  ];
  const cloudFormationTags = ["!Ref", "!Sub", "!GetAtt", "!If", "!Join"];

  /** The value as YAML, some nodes given a CloudFormation short-form tag. */
  function yamlText(root: unknown, options: ToStringOptions, tagSeed: number): string {
    if (tagSeed === 0) return stringify(root, options);
    const document = new Document(root);
    let counter = tagSeed;
    visit(document, (_, node) => {
      if (!isScalar(node) && !isCollection(node)) return;
      counter = (counter * 7 + 3) % 11;
      if (counter < 3) node.tag = cloudFormationTags[(counter + tagSeed) % cloudFormationTags.length];
    });
    return document.toString(options);
  }

  /** Comment and blank lines dropped between lines, and comments after some of them. */
  function withComments(source: string, places: number[]): string {
    const lines = source.split("\n");
    for (const place of places) {
      const at = place % (lines.length + 1);
      const indent = " ".repeat(place % 9);
      if (place % 5 === 0) lines.splice(at, 0, "");
      else if (place % 5 === 1 && at < lines.length && lines[at] !== "") lines[at] += place % 2 ? " # note" : "\t# a\ttab";
      else lines.splice(at, 0, `${indent}# note ${place}`);
    }
    return lines.join("\n");
  }

  it("declines or agrees with the yaml path", { timeout: 120_000 }, () => {
    const counts = { same: 0, declined: 0 };
    fc.assert(
      fc.property(
        value,
        fc.nat(optionSets.length - 1),
        fc.nat(20),
        fc.array(fc.nat(400), { maxLength: 4 }),
        (root, option, tagSeed, commentPlaces) => {
          const source = yamlText(root, optionSets[option]!, tagSeed);
          counts[verdict(source)]++;
          const commented = withComments(source, commentPlaces);
          counts[verdict(commented)]++;
          // CRLF line breaks and a byte-order mark keep the fast path, offsets on the original text.
          const crlf = `\ufeff${commented.replaceAll("\n", "\r\n")}`;
          const crlfVerdict = verdict(crlf);
          counts[crlfVerdict]++;
          expect(crlfVerdict, JSON.stringify(crlf)).toBe(parseYamlFast(commented) ? "same" : "declined");
        },
      ),
      // The seed is the suite's (vitest.fast-check.ts): FC_SEED explores others.
      { numRuns: 4000 },
    );
    // The generator must exercise the fast reader, not only its declining.
    expect(counts.same).toBeGreaterThan(counts.declined);
  });
});
