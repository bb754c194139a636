import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { loadConfig } from '../../../src/config/load.js';
import { errorOf } from './user-error.js';
import { deepMerge } from '../../../src/config/merge.js';

const dir = mkdtempSync(join(tmpdir(), 'lifesub-config-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadConfig', () => {
  test('defaults load and carry the lab facts', () => {
    const cfg = loadConfig();
    expect(cfg.namespaceSuffix).toBe('-lifesub-ns');
    expect(cfg.services.map((s) => [s.name, s.port])).toEqual([
      ['member', 8081],
      ['mysub', 8082],
      ['recommend', 8083],
      ['lifesub-web', 18080],
    ]);
  });

  test('a user file merges objects key by key and replaces arrays', () => {
    const path = file('override.yaml', 'registry:\n  tag: 2.0.0\ntimeouts:\n  build: 45m\nextraAllowedOrigins: [http://example.test]\n');
    const cfg = loadConfig(path);
    expect(cfg.registry).toEqual({ domain: 'azurecr.io', repositoryPrefix: 'lifesub', tag: '2.0.0' });
    expect(cfg.timeouts.build).toBe('45m');
    expect(cfg.timeouts.helm).toBe('10m');
    expect(cfg.extraAllowedOrigins).toEqual(['http://example.test']);
  });

  test('an empty file means no overrides', () => {
    expect(loadConfig(file('empty.yaml', '# nothing\n'))).toEqual(loadConfig());
  });

  test('every problem is reported at once, with the file path', () => {
    const path = file(
      'bad.yaml',
      'registry:\n  tagg: x\ntimeouts:\n  build: soon\nconcurrency:\n  builds: 0\nservices:\n  - name: Member\n    kind: backend\n    repo: lifesub\n    port: 99999\n    dockerfiles: [Dockerfile]\n',
    );
    const err = errorOf(() => loadConfig(path));
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/tagg/);
    expect(err.message).toMatch(/timeouts\.build/);
    expect(err.message).toMatch(/concurrency\.builds/);
    expect(err.message).toMatch(/services\[0\]\.name/);
    expect(err.message).toMatch(/services\[0\]\.port/);
    expect(err.hint).toMatch(/default\.yaml/);
  });

  test('cross-entry rules: one frontend, unique names', () => {
    const path = file(
      'dupes.yaml',
      'services:\n  - { name: a, kind: backend, repo: lifesub, module: a, jar: a/a.jar, port: 1, database: a, apiPath: /api/a, dockerfiles: [D] }\n  - { name: a, kind: backend, repo: lifesub, module: a, jar: a/a.jar, port: 2, database: a, apiPath: /api/a, dockerfiles: [D] }\n',
    );
    const err = errorOf(() => loadConfig(path));
    expect(err.message).toMatch(/exactly one frontend/);
    expect(err.message).toMatch(/service name 'a' is used twice/);
    expect(err.message).toMatch(/database 'a' is used twice/);
  });

  test('a missing file is a UserError with a hint', () => {
    const err = errorOf(() => loadConfig(join(dir, 'nope.yaml')));
    expect(err.message).toMatch(/nope\.yaml does not exist/);
    expect(err.hint).toMatch(/--config/);
  });

  test('unparsable YAML is a UserError naming the file', () => {
    const path = file('broken.yaml', 'registry:\n  tag: [1.0\n  domain: x\n');
    const err = errorOf(() => loadConfig(path));
    expect(err.message).toMatch(/broken\.yaml is not valid YAML/);
    expect(err.hint).toMatch(/YAML syntax/);
  });

  test('a top-level list is refused', () => {
    expect(errorOf(() => loadConfig(file('list.yaml', '- a\n- b\n'))).message).toMatch(/must be a YAML mapping/);
  });
});

describe('deepMerge', () => {
  test('objects merge, arrays and scalars replace', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
});
