export { type FastYamlOptions, parseYamlFast } from "./block-reader.js";
export type { MapEntry, MapNode, Node, ScalarNode, ScalarValue, SeqNode, TaggedNode } from "./node.js";
export { closingQuote, IndentedQuotedLines } from "./quoted-lines.js";
export { mutateYaml } from "./mutate.js";
