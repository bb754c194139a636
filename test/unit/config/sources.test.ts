// Precedence of settings: flags > environment (LIFESUB_*) > lifesub.config.yaml > defaults; `init`
// writes a file that reads back; `config` says where each value came from.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainInputs, formatExplained } from '../../../src/config/explain.js';
import { readConfig } from '../../../src/config/read.js';
import { resolveInputs, resolveSettings } from '../../../src/config/settings.js';
import { ENV_VARS } from '../../../src/config/sources.js';
import { runMain } from '../cli/run-main.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-sources-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('precedence', () => {
  it('flag > environment > file > default, for every run setting', () => {
    write('lifesub.config.yaml', 'id: fileid\ncontext: file-ctx\ntimeout: 10m\nworkspace: /srv/file-ws\n');
    const env = { LIFESUB_CONTEXT: 'env-ctx', LIFESUB_TIMEOUT: '20m' };
    const s = resolveSettings({ timeout: '30m' }, env, dir);
    expect([s.id, s.context, s.timeoutMs, s.workspace]).toEqual(['fileid', 'env-ctx', 30 * 60_000, '/srv/file-ws']);
    expect(resolveSettings({}, { LIFESUB_ID: 'envid', LIFESUB_WORKSPACE: '/srv/env-ws' }, dir)).toMatchObject({ id: 'envid', workspace: '/srv/env-ws' });
    expect(resolveSettings({ id: 'flagid' }, { LIFESUB_ID: 'envid' }, dir).id).toBe('flagid');
    // Without any file, the defaults.
    const bare = mkdtempSync(join(dir, 'bare-'));
    expect(resolveSettings({ id: 'alice' }, {}, bare)).toMatchObject({
      context: undefined,
      timeoutMs: undefined,
      workspace: expect.stringMatching(/workspace$/),
    });
  });

  it('the file comes from --config, else LIFESUB_CONFIG, else ./lifesub.config.yaml; its run keys stay out of the configuration', () => {
    write('lifesub.config.yaml', 'id: here\n');
    const other = write('other.yaml', 'id: there\nrouting:\n  mode: path\n');
    const flagged = write('flagged.yaml', 'id: flagged\n');
    expect(resolveInputs({}, {}, dir).file).toMatchObject({ source: 'file', origin: './lifesub.config.yaml' });
    expect(resolveInputs({}, { LIFESUB_CONFIG: 'other.yaml' }, dir)).toMatchObject({
      file: { value: other, source: 'env' },
      id: { value: 'there', source: 'file' },
    });
    expect(resolveInputs({ config: flagged }, { LIFESUB_CONFIG: other }, dir).id).toEqual({ value: 'flagged', source: 'file', origin: flagged });
    const reading = readConfig(other);
    expect(reading.config?.routing.mode).toBe('path');
    expect(reading.config).not.toHaveProperty('id');
    expect(reading.overrides).toEqual(['routing']);
  });

  it('problems name where the bad value came from', () => {
    expect(() => resolveSettings({ id: 'alice' }, { LIFESUB_TIMEOUT: 'soon' }, dir)).toThrow(
      /--timeout \(from LIFESUB_TIMEOUT\) 'soon' is not a positive duration/,
    );
    write('lifesub.config.yaml', 'id: [a, b]\n');
    expect(readConfig(join(dir, 'lifesub.config.yaml')).problems).toEqual([
      `configuration file ${join(dir, 'lifesub.config.yaml')}: id must be a single value (text), not a list`,
    ]);
  });

  it('the documented environment variables are exactly the ones read', () => {
    expect(Object.values(ENV_VARS).sort()).toEqual([
      'LIFESUB_CONFIG',
      'LIFESUB_CONTEXT',
      'LIFESUB_ID',
      'LIFESUB_KUBECONFIG',
      'LIFESUB_TIMEOUT',
      'LIFESUB_WORKSPACE',
    ]);
    const kubeconfig = write('kc', 'apiVersion: v1\n');
    expect(resolveSettings({ id: 'alice' }, { LIFESUB_KUBECONFIG: kubeconfig }, dir).kubeconfig).toBe(kubeconfig);
  });
});

describe('lifesub config', () => {
  it('prints each value with its source; derived names; no file contents beyond settings', () => {
    const file = write('lifesub.config.yaml', 'id: alice\nrouting:\n  mode: path\n  domain: nip.io\n');
    const rows = explainInputs(resolveInputs({ context: 'flag-ctx' }, { LIFESUB_TIMEOUT: '15m' }, dir), { KUBECONFIG: '/k/config' });
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['id']).toEqual({ key: 'id', value: 'alice', source: 'file', origin: file });
    expect(by['namespace']).toMatchObject({ value: 'alice-lifesub-ns', source: 'derived' });
    expect(by['context']).toMatchObject({ value: 'flag-ctx', source: 'flag', origin: '--context' });
    expect(by['timeout']).toMatchObject({ value: '15m', source: 'env', origin: 'LIFESUB_TIMEOUT' });
    expect(by['kubeconfig']).toMatchObject({ value: '/k/config', source: 'env', origin: 'KUBECONFIG' });
    expect(by['routing']).toMatchObject({ value: '{"mode":"path","domain":"nip.io"}', source: 'file' });
    expect(formatExplained(rows)).toMatch(/^context\s+flag-ctx\s+\(flag: --context\)$/m);
  });

  it('as a command: JSON, exit 0; an invalid ID still prints the values, then exit 2', async () => {
    const file = write('c.yaml', 'id: alice\n');
    const ok = await runMain(['config', '--config', file, '-o', 'json']);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      type: 'config',
      valid: true,
      settings: expect.arrayContaining([{ key: 'id', value: 'alice', source: 'file', origin: file }]),
    });
    const bad = await runMain(['config', '--config', file, '--id', 'Bad_ID']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/^id\s+Bad_ID\s+\(flag: --id\)$/m);
    expect(bad.err).toMatch(/DNS-1123/);
  });
});

describe('lifesub init', () => {
  it('writes a commented file that reads back, and refuses to overwrite it without --force', async () => {
    const file = join(dir, 'lifesub.config.yaml');
    const first = await runMain(['init', '--id', 'alice', '--file', file]);
    expect(first.code, first.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# lifesub configuration/);
    expect(text).toMatch(/^id: alice$/m);
    expect(text).toMatch(/^# context: /m);
    const reading = readConfig(file);
    expect(reading.problems).toEqual([]);
    expect(reading.run).toEqual({ id: 'alice' });

    writeFileSync(file, 'id: mine\n');
    const again = await runMain(['init', '--file', file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; nothing was changed/);
    expect(again.err).toMatch(/hint: .*--force/);
    expect(readFileSync(file, 'utf8')).toBe('id: mine\n');

    expect((await runMain(['init', '--file', file, '--force'])).code).toBe(0);
    expect(readConfig(file).run).toEqual({});
  });

  it('rejects an invalid ID and a directory as the file, writing nothing', async () => {
    expect((await runMain(['init', '--id', 'Bad_ID', '--file', join(dir, 'x.yaml')])).code).toBe(2);
    mkdirSync(join(dir, 'd'));
    const r = await runMain(['init', '--file', join(dir, 'd')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a directory, not a file/);
  });
});
