// The facts a step declares are the facts its code touches: every `facts.<field>` written in a step's
// own file is declared (read or written) by a step that file defines. Helpers shared by several steps
// (manifests.ts, …) are not scanned: their callers declare what the helper uses for them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { downSteps } from '../../../src/graph/down.js';
import { upSteps } from '../../../src/graph/up.js';
import { testSettings } from '../../fakes/context.js';

const settings = testSettings();
const steps = [...upSteps(settings, { cleanLegacy: true, resetData: true }), ...downSteps(settings, { keepData: false, includeIngress: true, force: true })];
const dir = new URL('../../../src/steps/', import.meta.url);

describe('step declarations', () => {
  it('name every fact field a step file reads or writes', () => {
    let scanned = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      // `name: 'chart-repos'` or `name: \`image:${service.name}\`` (→ the prefix `image:`)
      const names = [...source.matchAll(/^\s*name: [`'"]([^`'"$]+)/gm)].map((m) => m[1] as string);
      const defined = steps.filter((s) => names.some((n) => s.name === n || (n.endsWith(':') && s.name.startsWith(n))));
      if (defined.length === 0) continue;
      scanned++;
      const declared = new Set(defined.flatMap((s) => [...(s.reads ?? []), ...(s.writes ?? [])]).map((f) => f.split('.')[0]));
      const used = new Set([...source.matchAll(/\bfacts\??\.(\w+)/g)].map((m) => m[1] as string));
      expect(
        [...used].filter((f) => !declared.has(f)),
        file,
      ).toEqual([]);
    }
    expect(scanned).toBeGreaterThan(20);
  });
});
