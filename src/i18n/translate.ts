// Turning an English message into the reader's language. English text is the key: the catalog maps
// each English template to its Korean template (src/i18n/template.ts), so code keeps writing English
// and only the output boundaries call `t` / `translateOutput`. Text with no catalog entry (tool output,
// names, anything not yet translated) passes through unchanged.
import { CATALOG } from './catalog/index.js';
import { currentLang, type Lang } from './lang.js';
import { compileTemplate, fillTemplate, isTranslatable, literalOf } from './template.js';

interface Pattern {
  ko: string;
  /** The English template spans lines: only then is a text of several lines matched as a whole. */
  multiline: boolean;
  match: (text: string) => string[] | undefined;
  /** The first literal characters of the English template: a cheap test before the regular expression. */
  prefix: string;
  /** Every literal part of the template: a text lacking one is no instance (no regular expression run). */
  literals: string[];
}

/** How deep a value inside a message is translated in turn ("step 'x' failed: <cause>"). */
const MAX_DEPTH = 4;
/** Characters; the longest message with its values is far shorter. */
const MAX_LENGTH = 4000;
/** Lines start with indentation and list marks that are not part of the message. */
const LINE = /^([\s]*(?:[-*✖→|]\s+)?)([\s\S]*?)(\s*)$/;

export class Translator {
  private readonly exact = new Map<string, string>();
  private readonly patterns: Pattern[] = [];

  /** `entries`: English template → Korean template. */
  constructor(entries: ReadonlyMap<string, string>) {
    const withValues: Array<[string, string]> = [];
    for (const [en, ko] of entries) {
      if (!/\{\d+\}/.test(en)) this.exact.set(en, ko);
      else if (isTranslatable(en)) withValues.push([en, ko]);
    }
    // The most specific template wins: "{0} is not ready: {1}" before "{0}: {1}".
    withValues.sort((a, b) => literalOf(b[0]).length - literalOf(a[0]).length);
    for (const [en, ko] of withValues) {
      const parts = en.split(/\{\d+\}/);
      this.patterns.push({ ko, multiline: en.includes('\n'), match: compileTemplate(en), prefix: parts[0] ?? '', literals: parts.filter((p) => p !== '') });
    }
  }

  /** One message: the whole text is looked up, then each value of the template that matched. */
  message(text: string, depth = 0): string | undefined {
    const exact = this.exact.get(text);
    if (exact !== undefined) return exact;
    // Deep inside a message, or a text far longer than any message (a tool's output): not ours.
    if (depth > MAX_DEPTH || text.length > MAX_LENGTH) return undefined;
    // Several lines are one message only for a template of several lines; otherwise "{0} finished in {1}"
    // would swallow a whole summary. They are then translated line by line (see `text`).
    const lines = text.includes('\n');
    for (const p of this.patterns) {
      if ((lines && !p.multiline) || !text.startsWith(p.prefix) || !p.literals.every((l) => text.includes(l))) continue;
      const values = p.match(text);
      if (values)
        return fillTemplate(
          p.ko,
          values.map((v) => this.value(v, depth + 1)),
        );
    }
    return undefined;
  }

  /** A text that may be one message or several lines of them (each line looked up on its own). */
  text(text: string, depth = 0): string {
    if (!text.includes('\n')) return this.line(text, depth);
    const whole = this.message(text, depth);
    if (whole !== undefined) return whole;
    return text
      .split('\n')
      .map((l) => this.line(l, depth))
      .join('\n');
  }

  private line(line: string, depth: number): string {
    // A list whose every item is a message reads better item by item than as one template's odd instance.
    const whole = this.list(line, depth) ?? this.message(line, depth);
    if (whole !== undefined) return whole;
    const m = LINE.exec(line);
    if (!m || (m[1] === '' && m[3] === '')) return line;
    const inner = this.list(m[2] ?? '', depth) ?? this.message(m[2] ?? '', depth);
    return inner === undefined ? line : `${m[1]}${inner}${m[3]}`;
  }

  /** A list of messages joined by ", " or "; " (a step's result per service): translated only if every item is. */
  private list(text: string, depth: number): string | undefined {
    for (const sep of ['; ', ', ']) {
      if (!text.includes(sep)) continue;
      const items = text.split(sep).map((item) => this.message(item, depth));
      if (items.every((i) => i !== undefined)) return items.join(sep);
    }
    return undefined;
  }

  /** A value inside a message: names, IDs, numbers and statuses (no blank in them) stay as they are. */
  private value(value: string, depth: number): string {
    return /\s/.test(value.trim()) ? this.text(value, depth) : value;
  }
}

let shared: Translator | undefined;

function translator(): Translator {
  shared ??= new Translator(CATALOG);
  return shared;
}

/** `text` in the reader's language (English: as is). For one message, a hint, a title, a question. */
export function t(text: string, lang: Lang = currentLang()): string {
  if (lang === 'en' || text === '') return text;
  return translator().text(text);
}

/**
 * A chunk written to a terminal (one or more lines, maybe ending in a newline) in the reader's
 * language: the chunk as a whole, else line by line. Lines nobody wrote a translation for stay as they are.
 */
export function translateOutput(chunk: string, lang: Lang = currentLang()): string {
  if (lang === 'en' || chunk.trim() === '') return chunk;
  const trailing = /\n*$/.exec(chunk)?.[0] ?? '';
  const body = chunk.slice(0, chunk.length - trailing.length);
  return `${translator().text(body)}${trailing}`;
}
