export { documentReaders, isLintableFileName, loadDocument, type LoadedDocument, type LoadResult } from "./load.js";
export type { DocumentReader } from "./reader.js";
export * from "./terraform/index.js";
