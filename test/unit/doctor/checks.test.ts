// Each check against a scripted machine: what it reports when all is well, and for each way it can
// fail, the problem (what, why, fix) and whose move it is (input → exit 2, world → exit 1).
import { describe, expect, test } from 'vitest';
import { HelmUnusable } from '../../../src/adapters/helm-binary.js';
import { registryCheck } from '../../../src/doctor/azure.js';
import type { Check, CheckOutcome } from '../../../src/doctor/check.js';
import { dockerCheck } from '../../../src/doctor/docker.js';
import { gitCheck } from '../../../src/doctor/git.js';
import { helmCheck } from '../../../src/doctor/helm.js';
import { jdkCheck } from '../../../src/doctor/jdk.js';
import { kubeCheck } from '../../../src/doctor/kube.js';
import { diskCheck, workspaceCheck } from '../../../src/doctor/workspace.js';
import { checkContext, doctorFakes, ToolError, UserError, type World } from './world.js';

async function outcome(check: Check, world: Partial<World> = {}, settings = {}): Promise<CheckOutcome> {
  const { adapters } = doctorFakes(world);
  return check.run(checkContext(adapters, settings));
}

describe('tools', () => {
  test('helm: the version and binary; a configured helm that cannot run is the input, none on PATH the world', async () => {
    expect(await outcome(helmCheck)).toEqual({ message: 'v3.17.3 (helm)' });
    const configured = await outcome(helmCheck, { helm: new HelmUnusable('the configured helm (/nowhere) could not be run', 'fix LIFESUB_HELM', true) });
    expect(configured.problems).toEqual([
      {
        what: 'the configured helm (/nowhere) could not be run',
        why: expect.stringContaining('installed with Helm'),
        fix: 'fix LIFESUB_HELM',
        origin: 'input',
      },
    ]);
    const missing = await outcome(helmCheck, { helm: new HelmUnusable('no `helm` on PATH; lifesub needs Helm 3.13 or newer', 'install Helm', false) });
    expect(missing.problems?.[0]).toMatchObject({ what: expect.stringContaining('no `helm` on PATH'), fix: 'install Helm', origin: 'world' });
  });

  test("docker: the engine's version; a daemon that does not answer is named with docker's own words and the fix", async () => {
    expect(await outcome(dockerCheck)).toEqual({ message: 'engine 27.5.1' });
    const down = await outcome(dockerCheck, {
      docker: new ToolError('docker version exited with code 1', undefined, {
        details: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      }),
    });
    expect(down.problems).toEqual([
      {
        what: 'docker version exited with code 1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        why: 'the four images are built and pushed with docker',
        fix: expect.stringContaining('sudo systemctl start docker'),
        origin: 'world',
      },
    ]);
    // A missing CLI keeps the runner's install hint.
    const missing = await outcome(dockerCheck, { docker: new ToolError('docker not found', 'install Docker (https://docs.docker.com/engine/install/)') });
    expect(missing.problems?.[0]).toMatchObject({ what: 'docker not found', fix: 'install Docker (https://docs.docker.com/engine/install/)', origin: 'world' });
  });

  test('git: its version, or the install hint', async () => {
    expect(await outcome(gitCheck)).toEqual({ message: 'git 2.43.0' });
    const missing = await outcome(gitCheck, { git: new ToolError('git not found', 'install git (e.g. `sudo apt-get install git`)') });
    expect(missing.problems?.[0]).toMatchObject({ what: 'git not found', origin: 'world' });
  });

  test("jdk: asks for the repository's requirement with the lab's Java 21 as fallback; a JDK 17 is the world's", async () => {
    const { adapters } = doctorFakes();
    let asked: { dir?: string; fallback?: unknown } = {};
    adapters.gradle.checkJdk = async (dir, o) => (
      (asked = { dir, fallback: o.fallback }),
      { version: '21.0.5', where: 'java on PATH', need: { release: 21, declaration: 'x' } }
    );
    const ok = await jdkCheck.run(checkContext(adapters));
    expect(ok).toEqual({ message: 'JDK 21.0.5 (java on PATH); the build needs Java 21' });
    expect(asked).toEqual({ dir: '/home/azureuser/workspace/lifesub', fallback: { release: 21, declaration: "sourceCompatibility = '21'" } });
    const old = await outcome(jdkCheck, {
      jdk: new ToolError("the JDK is 17.0.9 (java on PATH), but the lab's lifesub repository needs Java 21", 'install JDK 21'),
    });
    expect(old.problems?.[0]).toMatchObject({ what: expect.stringContaining('17.0.9'), fix: 'install JDK 21', origin: 'world' });
  });

  test('a check whose adapter has no probe is skipped, not failed', async () => {
    const { adapters } = doctorFakes();
    delete (adapters.docker as { engineVersion?: unknown }).engineVersion;
    expect(await dockerCheck.run(checkContext(adapters))).toEqual({ skipped: 'not checked with these adapters' });
  });
});

describe('cluster and Azure', () => {
  test('kube: context, server and version, like the old preflight', async () => {
    expect(await outcome(kubeCheck)).toEqual({ message: 'context aks-lab, server https://aks.example:443, Kubernetes v1.30.4' });
  });

  test('kube: a wrong context is the input; no kubeconfig at all (none named) is the world; an unreachable server too', async () => {
    const context = await outcome(kubeCheck, {
      ping: new UserError('context "nope" not found in ~/.kube/config', 'available contexts: aks-lab; pick one with --context'),
    });
    expect(context.problems?.[0]).toMatchObject({ origin: 'input', fix: 'available contexts: aks-lab; pick one with --context' });
    const none = await outcome(kubeCheck, { ping: new UserError('kubeconfig not found: /home/x/.kube/config', 'run `az aks get-credentials …`') });
    expect(none.problems?.[0]?.origin).toBe('world');
    const named = await outcome(kubeCheck, { ping: new UserError('kubeconfig not found: ./kc', 'pass --kubeconfig') }, { kubeconfig: './kc' });
    expect(named.problems?.[0]?.origin).toBe('input');
    const down = await outcome(kubeCheck, { ping: new ToolError('reach the Kubernetes API: connect ECONNREFUSED 10.0.0.1:443', 'is the cluster reachable?') });
    expect(down.problems?.[0]).toMatchObject({ origin: 'world', why: 'every later step reads or writes the cluster' });
  });

  test('kube: signs in through the credential plugin first, under the check signal', async () => {
    const { adapters, calls } = doctorFakes();
    adapters.kube.authenticate = async () => (calls.push('authenticate'), 'kubelogin');
    const r = await kubeCheck.run(checkContext(adapters));
    expect(r.message).toMatch(/\(signed in through kubelogin\)$/);
    expect(calls).toEqual(['authenticate', 'ping']);
  });

  test("registry: found with its login server; missing or not signed in is the world, with the adapter's fix", async () => {
    expect(await outcome(registryCheck)).toEqual({ message: 'alicecr (alicecr.azurecr.io, admin user)' });
    const missing = await outcome(registryCheck, {
      registry: new UserError('registry alicecr not found in subscription 6f1b', 'create it: az acr create -n alicecr …'),
    });
    expect(missing.problems?.[0]).toMatchObject({
      what: 'registry alicecr not found in subscription 6f1b',
      fix: 'create it: az acr create -n alicecr …',
      origin: 'world',
    });
    const signedOut = await outcome(registryCheck, { registry: new UserError('not signed in to Azure', 'run `az login`') });
    expect(signedOut.problems?.[0]).toMatchObject({ fix: 'run `az login`', origin: 'world' });
  });

  test('the registry password never reaches the report', async () => {
    expect(JSON.stringify(await outcome(registryCheck))).not.toContain('s3cret');
  });
});

describe('workspace and disk', () => {
  const dir = (d: Partial<World['dir'] & object>) => ({
    dir: { kind: 'directory' as const, existingAncestor: '/ws', writable: true, freeBytes: 40 * 1024 ** 3, ...d },
  });

  test('a directory, or a path to be created under a writable one, is fine', async () => {
    expect(await outcome(workspaceCheck, dir({ existingAncestor: '/home/azureuser/workspace' }))).toEqual({ message: '/home/azureuser/workspace' });
    expect(await outcome(workspaceCheck, dir({ kind: 'missing', existingAncestor: '/home/azureuser' }))).toEqual({
      message: '/home/azureuser/workspace (will be created in /home/azureuser)',
    });
  });

  test('a file where the workspace (or a parent of it) should be, or no permission, is the input', async () => {
    const file = await outcome(workspaceCheck, dir({ kind: 'file', existingAncestor: '/home/azureuser/workspace', writable: false }));
    expect(file.problems?.[0]).toMatchObject({ what: 'the workspace /home/azureuser/workspace is a file, not a directory', origin: 'input' });
    expect(file.problems?.[0]?.fix).toContain('--workspace');
    const parent = await outcome(workspaceCheck, dir({ kind: 'file', existingAncestor: '/home/azureuser', writable: false }));
    expect(parent.problems?.[0]?.what).toBe('the workspace /home/azureuser/workspace cannot be created: /home/azureuser is a file');
    const denied = await outcome(workspaceCheck, dir({ writable: false, existingAncestor: '/opt' }));
    expect(denied.problems?.[0]).toMatchObject({ what: 'no permission to write in /opt', origin: 'input' });
  });

  test('disk: under 1 GiB blocks, under 3 GiB warns, more is fine', async () => {
    const full = await outcome(diskCheck, dir({ freeBytes: 200 * 1024 ** 2 }));
    expect(full.problems).toEqual([expect.objectContaining({ what: 'only 200 MiB free on the file system of /ws', origin: 'world' })]);
    expect(full.problems?.[0]?.blocking).toBeUndefined();
    const low = await outcome(diskCheck, dir({ freeBytes: 2 * 1024 ** 3 }));
    expect(low.problems?.[0]).toMatchObject({ blocking: false });
    expect(await outcome(diskCheck, dir({}))).toEqual({ message: '40 GiB free on the file system of /ws' });
  });
});
