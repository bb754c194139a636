// Message templates: the English text as written in the code, with each interpolated value replaced by
// a numbered placeholder `{0}`, `{1}`, … in the order the values appear in the English text. The Korean
// template uses the same numbers, in whatever order Korean word order needs. Values (IDs, names,
// numbers, URLs, quoted tool output) are never translated, except that a value which is itself a whole
// catalog message (e.g. the cause inside "step 'x' failed: <cause>") is translated in turn.

const PLACEHOLDER = /\{(\d+)\}/g;

/** The placeholder numbers a template uses, sorted, each once: `'a {1} b {0} {1}'` → `[0, 1]`. */
export function placeholdersOf(template: string): number[] {
  const seen = new Set<number>();
  for (const m of template.matchAll(PLACEHOLDER)) seen.add(Number(m[1]));
  return [...seen].sort((a, b) => a - b);
}

/** The literal text of a template (placeholders removed): what makes it recognisable. */
export function literalOf(template: string): string {
  return template.replace(PLACEHOLDER, '');
}

/** Whether a template has words to translate (not only placeholders, punctuation, paths or flags). */
export function isTranslatable(template: string): boolean {
  return /[A-Za-z]{3,}/.test(literalOf(template).replace(/--?[a-z][\w-]*/g, ''));
}

/**
 * A matcher for an English template: anchored, each placeholder a lazy capture group (values may span
 * lines). Returns the captured values by placeholder number, or undefined when `text` is not an instance.
 */
export function compileTemplate(template: string): (text: string) => string[] | undefined {
  const order: number[] = [];
  const parts = template.split(PLACEHOLDER);
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      order.push(Number(part));
      // A quoted value ('{1}') holds no quote of its kind: "a ends in '/x', b ends in '/y'" is not one instance.
      const quote = /['"`]$/.exec(parts[i - 1] ?? '')?.[0];
      if (quote && (parts[i + 1] ?? '').startsWith(quote)) return `([^${quote}\\n]*)`;
      // Two values in a row ("into {1}{2}", the second an optional suffix): the first takes all it can,
      // so an empty suffix leaves the first value whole instead of empty.
      return parts[i + 1] === '' && i + 2 < parts.length ? '([\\s\\S]*)' : '([\\s\\S]*?)';
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    const values: string[] = [];
    order.forEach((n, i) => (values[n] = m[i + 1] ?? ''));
    return values;
  };
}

/** Fills a template's placeholders with values (a missing value leaves the placeholder as is). */
export function fillTemplate(template: string, values: readonly string[]): string {
  return template.replace(PLACEHOLDER, (whole, n: string) => values[Number(n)] ?? whole);
}
