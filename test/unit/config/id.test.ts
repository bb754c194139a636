import { describe, expect, test } from 'vitest';
import { idProblems } from '../../../src/config/id.js';
import { loadConfig } from '../../../src/config/load.js';

const cfg = loadConfig();

describe('idProblems', () => {
  test.each(['alice', 'dg0200', 'bob7', 'a1234', 'x'.repeat(48)])('accepts %s', (id) => {
    expect(idProblems(id, cfg)).toEqual([]);
  });

  test('Bad_ID breaks both rules, and each problem names the rule and shows a valid ID', () => {
    const problems = idProblems('Bad_ID', cfg);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/namespace 'Bad_ID-lifesub-ns' must be a DNS-1123 label/);
    expect(problems[1]).toMatch(/registry name 'Bad_IDcr' must be 5–50 letters or digits/);
    for (const p of problems) expect(p).toMatch(/'alice' or 'dg0200'/);
  });

  test('uppercase fails the namespace rule only (registry names ignore case)', () => {
    const problems = idProblems('Alice', cfg);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/namespace .*uppercase/);
  });

  test('a registry name under 5 characters is rejected', () => {
    const problems = idProblems('ab', cfg);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/'abcr' must be 5–50 .* only 4 characters/);
  });

  test('too long: registry over 50, namespace over 63', () => {
    expect(idProblems('a'.repeat(49), cfg)).toEqual([expect.stringMatching(/registry name .* 51 characters/)]);
    const both = idProblems('a'.repeat(53), cfg);
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/namespace .* 64 characters/);
  });

  test('a leading hyphen fails the namespace rule (and the hyphen the registry rule)', () => {
    const problems = idProblems('-alice', cfg);
    expect(problems[0]).toMatch(/namespace '-alice-lifesub-ns'.*starts or ends with '-'/);
    expect(problems[1]).toMatch(/registry name '-alicecr'/);
  });

  test('an empty ID says so', () => {
    expect(idProblems(' ', cfg)).toEqual([expect.stringMatching(/ID is empty/)]);
  });

  test('the rules use the configured suffixes', () => {
    expect(idProblems('ab', { ...cfg, registrySuffix: 'reg' })).toEqual([]);
    expect(idProblems('alice', { ...cfg, namespaceSuffix: '_ns' })).toHaveLength(1);
  });
});
