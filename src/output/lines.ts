// Tool output as it arrives is not fit to print as is: colours, cursor moves and carriage-return
// progress bars (docker push) would leak escape codes into logs. One clean line per line; and the
// last lines of each step kept, for the live list's collapsed view and for the full dump on failure.
import { stripVTControlCharacters } from 'node:util';

/** The printable text of one line of tool output: escape codes removed, only what a `\r` left visible. */
export function cleanLine(line: string): string {
  const visible =
    line
      .split('\r')
      .filter((part) => part.trim() !== '')
      .pop() ?? '';
  return stripVTControlCharacters(visible)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trimEnd();
}

/** The last `limit` lines written to it, with the count of those dropped. */
export class LineTail {
  private readonly lines: string[] = [];
  dropped = 0;
  constructor(private readonly limit: number) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) {
      this.lines.shift();
      this.dropped += 1;
    }
  }
  all(): readonly string[] {
    return this.lines;
  }
  last(n: number): readonly string[] {
    return this.lines.slice(-n);
  }
}

/** How many lines of a step's tool output are kept for the dump when it fails. */
export const KEPT_LINES = 200;
