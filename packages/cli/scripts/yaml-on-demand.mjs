// What the CLI bundle has in place of the `yaml` package: the package itself is a file of its own
// beside the bundle (lib/yaml.bundle.cjs), read the first time a YAML file needs it. It is about
// 40% of the CLI's code, and @shipshape/fast-yaml reads most YAML without it, so a run over JSON
// (or over YAML the fast reader takes) never parses or compiles it.
import { createRequire } from "node:module";

const requireBeside = createRequire(import.meta.url);
let loaded;
const yaml = () => (loaded ??= requireBeside("./yaml.bundle.cjs"));

export const isAlias = (node) => yaml().isAlias(node);
export const isMap = (node) => yaml().isMap(node);
export const isPair = (node) => yaml().isPair(node);
export const isScalar = (node) => yaml().isScalar(node);
export const isSeq = (node) => yaml().isSeq(node);
export const parseAllDocuments = (source, options) => yaml().parseAllDocuments(source, options);
export const parseDocument = (source, options) => yaml().parseDocument(source, options);
export class Parser {
  constructor(onNewLine) {
    // biome-ignore lint/correctness/noConstructorReturn: the instance is the package's own Parser
    return new (yaml().Parser)(onNewLine);
  }
}
