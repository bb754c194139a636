import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { loadFaults } from '../../../src/sandbox/faults.js';
import { listProfiles, loadProfile, scaled } from '../../../src/sandbox/profile.js';
import { toolFault } from '../../../src/sandbox/tool-faults.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lifesub-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('profiles', () => {
  test('the shipped profiles load and scale', () => {
    expect(listProfiles()).toEqual(expect.arrayContaining(['fast', 'realistic']));
    const realistic = loadProfile('realistic');
    expect(realistic.scale).toBe(0.1);
    expect(scaled(realistic, 'loadBalancer')).toBe(4500);
    expect(scaled(realistic, 'loadBalancer', { slow: { loadBalancer: 2 } })).toBe(9000);
    expect(scaled(loadProfile('fast'), 'gitClone')).toBe(100);
  });

  test('an unknown profile is a UserError listing the known ones', () => {
    const err = (() => {
      try {
        loadProfile('nope');
      } catch (e) {
        return e;
      }
    })() as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain("unknown sandbox profile 'nope'");
    expect(err.hint).toContain('fast');
    expect(err.hint).toContain('realistic');
  });

  test('an invalid profile names every problem', () => {
    const pdir = mkdtempSync(path.join(dir, 'profiles-'));
    writeFileSync(path.join(pdir, 'broken.yaml'), 'name: broken\nscale: 0\ndurations:\n  apiLatency: -1\n  bogus: 3\n');
    expect(() => loadProfile('broken', pdir)).toThrow(
      /scale: a positive number[\s\S]*durations\.apiLatency[\s\S]*durations\.gitClone[\s\S]*durations\.bogus: unknown duration/,
    );
  });
});

describe('faults', () => {
  test('none without the variable; YAML and JSON files load', () => {
    expect(loadFaults({})).toEqual({});
    const yaml = file('f.yaml', 'loadBalancerNever: [lifesub-web]\nslow:\n  dockerPush: 3\napi: { rate: 0.1, kind: "503" }\n');
    expect(loadFaults({ LIFESUB_SANDBOX_FAULTS: yaml })).toEqual({
      loadBalancerNever: ['lifesub-web'],
      slow: { dockerPush: 3 },
      api: { rate: 0.1, kind: '503' },
    });
    const json = file('f.json', JSON.stringify({ crashLoop: { member: ['boom'] }, imagePullFailure: ['mysub'] }));
    expect(loadFaults({ LIFESUB_SANDBOX_FAULTS: json })).toEqual({ crashLoop: { member: ['boom'] }, imagePullFailure: ['mysub'] });
  });

  test('bad files are UserErrors naming the problem', () => {
    expect(() => loadFaults({ LIFESUB_SANDBOX_FAULTS: path.join(dir, 'missing.yaml') })).toThrow(UserError);
    expect(() => loadFaults({ LIFESUB_SANDBOX_FAULTS: file('bad.yaml', 'api: [') })).toThrow(/not valid YAML/);
    expect(() => loadFaults({ LIFESUB_SANDBOX_FAULTS: file('typo.yaml', 'slow:\n  dockerPsh: 2\n') })).toThrow(/invalid/);
    // helm is real in the sandbox: a helm rule would silently do nothing, so it is refused.
    expect(() => loadFaults({ LIFESUB_SANDBOX_FAULTS: file('helm.yaml', 'tools:\n  - tool: helm\n    stderr: x\n') })).toThrow(/invalid/);
    expect(() => loadFaults({ LIFESUB_SANDBOX_FAULTS: file('rate.yaml', 'api: { rate: 2, kind: "500" }\n') })).toThrow(/api\.rate|rate/);
  });

  test('tool rules: first match wins, match is a substring of the argv', () => {
    const faults = {
      tools: [
        { tool: 'docker' as const, match: 'push democr', stderr: 'denied', exitCode: 3 },
        { tool: 'docker' as const, stderr: 'any' },
      ],
    };
    expect(toolFault(faults, 'docker', ['push', 'democr.azurecr.io/x:1'])).toEqual({ exitCode: 3, stderr: 'denied' });
    expect(toolFault(faults, 'docker', ['build', '.'])).toEqual({ exitCode: 1, stderr: 'any' });
    expect(toolFault(faults, 'git', ['clone'])).toBeUndefined();
  });
});
