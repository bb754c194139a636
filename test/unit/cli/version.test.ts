// `--version`, `-V` and `lifesub version` print the package.json version (JSON adds Node's).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain } from './run-main.js';

const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('lifesub version', () => {
  it.each([['--version'], ['-V'], ['version']])('%s prints the version, exit 0', async (arg) => {
    const r = await runMain([arg]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`${version}\n`);
  });

  it('version -o json', async () => {
    const r = await runMain(['version', '-o', 'json']);
    expect(JSON.parse(r.out)).toEqual({ type: 'version', version, node: process.versions.node });
  });
});
