// A cause named from the cluster's (or a tool's) own words: what it said, and the specific fix.

/** One diagnosed cause. */
export interface Cause {
  /** Stable identifier of the pattern, e.g. "image-unauthorized", "helm-ownership" (used by tests and docs/failures.md). */
  kind: string;
  /** The cluster's or tool's own words that identified it (one line, already free of secrets). */
  quote: string;
  /** One line telling the user what to do about it. */
  hint: string;
  /** The cause in a few words, for the first line of a message ("the registry answered 401 Unauthorized"). */
  summary?: string;
}

/** First line of `text`, at most `max` characters. */
export function firstLine(text: string, max = 400): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line.trim();
}
