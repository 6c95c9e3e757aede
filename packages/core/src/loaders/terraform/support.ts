import type { LoadResult } from "../load.js";
import type { FileReader } from "./evaluate.js";

/**
 * What lintSources needs to read .tf files, handed in by the caller (the CLI loads it, with its
 * WebAssembly parser, only when a .tf file is among the files): make one with terraformSupport()
 * from "@shipshape/core/terraform".
 */
export interface TerraformSupport {
  load(sources: readonly { file: string; text: string }[], readFile?: FileReader): LoadResult[];
}
