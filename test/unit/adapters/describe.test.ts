import { describe, expect, test } from 'vitest';
import { describeCommand, installHint } from '../../../src/adapters/exec/describe.js';

describe('describeCommand', () => {
  test.each([
    ['helm', ['upgrade', '--install', 'member', 'bitnami/postgresql'], 'helm upgrade'],
    ['helm', ['repo', 'add', 'bitnami', 'https://charts.bitnami.com/bitnami'], 'helm repo add bitnami'],
    ['helm', ['uninstall', 'member', '-n', 'alice-lifesub-ns', '--wait'], 'helm uninstall member'],
    ['helm', ['--kubeconfig', 'kubeconfig', 'list', '-n', 'ns'], 'helm list'],
    ['git', ['-C', '/home/u/workspace/lifesub', 'rev-parse', '--abbrev-ref', 'HEAD'], 'git rev-parse'],
    ['docker', ['push', 'democr.azurecr.io/lifesub/member:1.0.0'], 'docker push'],
    ['/repo/gradlew', [':member:clean', ':member:build', '-x', 'test'], 'gradlew :member:clean :member:build'],
    // every task of the lab's one Gradle invocation survives (the old two-word limit lost one)
    [
      '/w/lifesub/gradlew',
      [':member:build', ':mysub-infra:build', ':recommend:build', '-x', 'test', '--console=plain'],
      'gradlew :member:build :mysub-infra:build :recommend:build',
    ],
    ['gradlew', [':a:build', ':b:build', ':c:build', ':d:build', ':e:build', ':f:build'], 'gradlew :a:build :b:build :c:build :d:build :e:build'],
    ['git', ['-C', 'lifesub', 'rev-parse', 'HEAD'], 'git rev-parse HEAD'],
    ['git', ['clone', '--branch', 'k8s', '--single-branch', 'https://u:tok@github.com/x/y.git', '/w/y'], 'git clone'],
    ['node', ['-e', 'process.exit(1)', 'upgrade', '--values', 'https://user:pw@example'], 'node upgrade'],
    ['tool', ['set', 'KEY=value', 'more'], 'tool set'],
    ['docker', ['login', 'democr.azurecr.io', '-u', 'x', '--password-stdin'], 'docker login democr.azurecr.io'],
  ])('%s %j → %s', (tool, args, expected) => {
    expect(describeCommand(tool, args)).toBe(expected);
  });

  test('never echoes what follows a flag, even when it looks like a plain word', () => {
    const described = describeCommand('docker', ['login', 'democr.azurecr.io', '-u', 'admin-user', '--password-stdin', 'tok3n']);
    expect(described).toBe('docker login democr.azurecr.io');
    expect(describeCommand('helm', ['-n', 'secretns', 'status', 'r'])).toBe('helm status r');
  });

  test('install hints are specific for known tools and generic otherwise', () => {
    expect(installHint('/usr/bin/docker')).toMatch(/docker/i);
    expect(installHint('frobnicate')).toBe('install frobnicate and make sure it is on PATH');
  });
});
