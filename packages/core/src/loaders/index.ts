export {
  documentReaders,
  isLintableFileName,
  loadDocument,
  NOT_TEXT_MESSAGE,
  parseSource,
  readParsed,
  type LoadedDocument,
  type LoadResult,
} from "./load.js";
export type { DocumentReader } from "./reader.js";
export * from "./terraform/index.js";
