// Every message a person can see exists in English and Korean (issue 10, acceptance "Every message key
// exists in both languages"). The messages are found in the source (scan-messages.ts), so a message
// added anywhere without a translation fails here, listed with its file and line.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG, SECTIONS } from '../../../src/i18n/catalog/index.js';
import { isTranslatable, placeholdersOf } from '../../../src/i18n/template.js';
import { scanMessages, type FoundMessage } from './scan-messages.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HANGUL = /[\uAC00-\uD7A3]/;

/** The lines to paste into src/i18n/catalog/misc.ts (or the area's file), with where each message is. */
function pasteable(missing: readonly FoundMessage[]): string {
  const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  return missing.map((m) => `    // ${m.where}\n    ${q(m.template)}: '',`).join('\n');
}

describe('message catalog', () => {
  it('has a Korean translation for every user-facing message in src', () => {
    const found = scanMessages(ROOT);
    // The scan itself must see the messages (a broken scan would make this test pass vacuously).
    expect(found.length).toBeGreaterThan(300);
    expect(found.map((f) => f.template)).toContain("ID '{0}': the registry name '{1}' must be 5–50 letters or digits{2}; use an ID like 'alice' or 'dg0200'");
    const missing = found.filter((f) => !CATALOG.has(f.template));
    const report = `${missing.length} message(s) without a translation; add them to src/i18n/catalog/<area>.ts (Korean on the right):\n${pasteable(missing)}`;
    expect(missing.length, report).toBe(0);
  });

  it('gives every entry a Korean text with the same placeholders as the English one', () => {
    const problems: string[] = [];
    for (const s of SECTIONS) {
      for (const [en, ko] of Object.entries(s.entries)) {
        const where = `${s.area}: ${JSON.stringify(en)}`;
        if (ko.trim() === '') problems.push(`${where}: no Korean text`);
        // A text may stay as it is on purpose (e.g. 'Service {0}'); otherwise it must be Korean.
        else if (ko !== en && !HANGUL.test(ko)) problems.push(`${where}: Korean text has no Hangul: ${JSON.stringify(ko)}`);
        if (placeholdersOf(en).join() !== placeholdersOf(ko).join()) {
          problems.push(`${where}: placeholders {${placeholdersOf(en).join('},{')}} vs {${placeholdersOf(ko).join('},{')}} in ${JSON.stringify(ko)}`);
        }
        if (!isTranslatable(en)) problems.push(`${where}: nothing to translate (only values and punctuation); remove it`);
        if (/\n$/.test(en)) problems.push(`${where}: ends in a newline; write the message without it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps each English text in one area only', () => {
    const areas = new Map<string, string[]>();
    for (const s of SECTIONS) for (const en of Object.keys(s.entries)) areas.set(en, [...(areas.get(en) ?? []), s.area]);
    const twice = [...areas].filter(([, a]) => a.length > 1).map(([en, a]) => `${JSON.stringify(en)} in ${a.join(', ')}`);
    expect(twice).toEqual([]);
  });
});
