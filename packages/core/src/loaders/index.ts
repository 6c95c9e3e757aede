export { documentReaders, isLintableFileName, loadDocument, NOT_TEXT_MESSAGE, type LoadedDocument, type LoadResult } from "./load.js";
export type { DocumentReader } from "./reader.js";
