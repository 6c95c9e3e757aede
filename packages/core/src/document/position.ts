export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units as editors and GitHub annotations count them */
  column: number;
}

/** Turns offsets into line/column; built once per file, and only when a finding needs it. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** The 1-based line of `offset`, for a message that names one line without building a LineIndex. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}
