import { describe, expect, test } from 'vitest';
import { describeCommand, installHint } from '../../../src/adapters/exec/describe.js';

describe('describeCommand', () => {
  test.each([
    ['helm', ['upgrade', '--install', 'member', 'bitnami/postgresql'], 'helm upgrade'],
    ['helm', ['repo', 'add', 'bitnami', 'https://charts.bitnami.com/bitnami'], 'helm repo add'],
    ['git', ['-C', '/home/u/workspace/lifesub', 'rev-parse', '--abbrev-ref', 'HEAD'], 'git rev-parse'],
    ['docker', ['push', 'democr.azurecr.io/lifesub/member:1.0.0'], 'docker push'],
    ['/repo/gradlew', [':member:clean', ':member:build', '-x', 'test'], 'gradlew :member:clean :member:build'],
    ['docker', ['login', 'democr.azurecr.io', '-u', 'x', '--password-stdin'], 'docker login democr.azurecr.io'],
  ])('%s %j → %s', (tool, args, expected) => {
    expect(describeCommand(tool, args)).toBe(expected);
  });

  test('install hints are specific for known tools and generic otherwise', () => {
    expect(installHint('/usr/bin/docker')).toMatch(/docker/i);
    expect(installHint('frobnicate')).toBe('install frobnicate and make sure it is on PATH');
  });
});
