export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Colors in the stylish format (a terminal, and NO_COLOR unset). */
  color: boolean;
  writeFile(path: string, text: string): void;
}
