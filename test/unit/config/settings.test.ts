import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { resolveSettings } from '../../../src/config/load.js';
import { errorOf } from './user-error.js';

describe('resolveSettings', () => {
  test('derives names from the ID and the defaults', () => {
    const s = resolveSettings({ id: 'dg0200' });
    expect(s).toMatchObject({
      id: 'dg0200',
      namespace: 'dg0200-lifesub-ns',
      registryName: 'dg0200cr',
      loginServer: 'dg0200cr.azurecr.io',
      workspace: join(homedir(), 'workspace'),
      yes: false,
      verbose: false,
      output: 'text',
    });
    expect(s.timeoutMs).toBeUndefined();
  });

  test('flags: workspace with ~, timeout, output, kubeconfig, context', () => {
    const s = resolveSettings({
      id: 'alice',
      workspace: '~/labs',
      timeout: '90s',
      output: 'json',
      kubeconfig: '~/.kube/aks',
      context: 'aks-1',
      yes: true,
    });
    expect(s.workspace).toBe(join(homedir(), 'labs'));
    expect(s.kubeconfig).toBe(join(homedir(), '.kube/aks'));
    expect(s.timeoutMs).toBe(90_000);
    expect(s.output).toBe('json');
    expect(s.context).toBe('aks-1');
    expect(s.yes).toBe(true);
    expect(resolveSettings({ id: 'alice', workspace: 'rel' }).workspace).toBe(resolve('rel'));
  });

  test('all problems in one UserError: bad id, bad timeout, bad output, broken config', () => {
    const err = errorOf(() => resolveSettings({ id: 'Bad_ID', timeout: 'soon', output: 'yaml', config: '/nonexistent/lifesub.yaml' }));
    expect(err.message).toMatch(/5 problems/);
    expect(err.message).toMatch(/lifesub\.yaml does not exist/);
    expect(err.message).toMatch(/namespace 'Bad_ID-lifesub-ns'/);
    expect(err.message).toMatch(/registry name 'Bad_IDcr'/);
    expect(err.message).toMatch(/--timeout 'soon'/);
    expect(err.message).toMatch(/--output 'yaml'/);
    expect(err.hint).toMatch(/--config/);
    expect(err.hint).toMatch(/--timeout/);
  });

  test('a missing ID is reported with a hint', () => {
    const err = errorOf(() => resolveSettings({}));
    expect(err.message).toMatch(/no student ID/);
    expect(err.hint).toMatch(/--id/);
  });

  test('a zero timeout is refused', () => {
    expect(errorOf(() => resolveSettings({ id: 'alice', timeout: '0s' })).message).toMatch(/--timeout '0s'/);
  });
});
