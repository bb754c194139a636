// The background sandbox's decisions, without spawning it: which served sandbox a command may attach
// to, when a restart would break another command, and the `sandbox status|stop` commands. (Spawning,
// attaching after `up` exits and `sandbox stop` are covered end to end by test/e2e/up.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { UserError } from '../../../src/core/errors.js';
import type { ServeInfo } from '../../../src/sandbox/attach.js';
import { sameServerFaults } from '../../../src/sandbox/attach.js';
import { backgroundWanted, ensureBackground } from '../../../src/sandbox/background.js';
import { otherClients, registerClient } from '../../../src/sandbox/clients.js';
import type { SandboxHandle } from '../../../src/sandbox/contract.js';
import { sandboxPaths } from '../../../src/sandbox/home.js';
import { serveSandbox } from '../../../src/sandbox/serve.js';
import { servedMismatch, startSandbox } from '../../../src/sandbox/start.js';

const homes: string[] = [];
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function home(): string {
  const h = mkdtempSync(path.join(tmpdir(), 'lifesub-bg-'));
  homes.push(h);
  return h;
}

/** `lifesub sandbox serve` in this process (pid = ours), as the background one when `background`. */
async function serve(h: string, profile: string, background: boolean): Promise<SandboxHandle> {
  const controller = new AbortController();
  let done: Promise<void> | undefined;
  const handle = await new Promise<SandboxHandle>((resolve, reject) => {
    done = serveSandbox({ home: h, profile, registries: [] }, controller.signal, resolve, {}, { background, watchdogMs: 600_000 });
    done.catch(reject);
  });
  stops.push(async () => {
    controller.abort();
    await done;
  });
  return handle;
}

const info = (over: Partial<ServeInfo>): ServeInfo => ({
  pid: 1,
  startedAt: '2026-11-30T00:00:00Z',
  profile: 'fast',
  apiserver: '',
  registry: '',
  arm: '',
  charts: '',
  kubeconfig: '',
  faults: {},
  ...over,
});

describe('what a command may attach to', () => {
  test('no --profile and no fault file accept whatever is served; an explicit other one does not', () => {
    const served = info({ profile: 'fast', faults: { loadBalancerNever: ['lifesub-web'] }, faultsFile: '/f.yaml' });
    expect(servedMismatch(served, undefined, undefined)).toBeUndefined();
    expect(servedMismatch(served, 'fast', { loadBalancerNever: ['lifesub-web'], tools: [{ tool: 'git', stderr: 'x' }] })).toBeUndefined();
    expect(servedMismatch(served, 'realistic', undefined)).toEqual({ served: 'profile fast', wanted: 'profile realistic' });
    expect(servedMismatch(served, undefined, {})?.wanted).toBe('no faults');
    expect(servedMismatch(served, undefined, {})?.served).toBe('the faults of /f.yaml');
  });

  test('only what the API server applies counts: tool rules are each command’s own', () => {
    expect(sameServerFaults({ tools: [{ tool: 'docker', stderr: 'boom' }] }, {})).toBe(true);
    expect(sameServerFaults({ slow: { podStart: 2 }, api: { rate: 0.1, kind: '503' } }, { api: { kind: '503', rate: 0.1 }, slow: { podStart: 2 } })).toBe(true);
    expect(sameServerFaults({ crashLoop: { member: ['x'] } }, {})).toBe(false);
    expect(sameServerFaults({ importRefused: [], admissionDeny: [] }, {})).toBe(true);
  });

  test('registry and ARM faults are the served process’s too: a command asking for them gets a restart, not a silent no-op', () => {
    for (const f of [
      { importRefused: ['carolcr'] },
      { registryMissing: ['bobcr'] },
      { imagePullError: { member: 'notFound' as const } },
      { loadBalancerError: { 'lifesub-web': 'quota' } },
      { admissionDeny: [{ kind: 'Deployment', webhook: 'w', message: 'm' }] },
    ]) {
      expect(sameServerFaults(f, {}), JSON.stringify(f)).toBe(false);
      expect(servedMismatch(info({ profile: 'fast', faults: {} }), undefined, f)?.wanted).toMatch(/the faults of/);
    }
  });

  test('an ACR import refusal is read live from the served fault file: editing that file needs no restart', () => {
    const served = info({ profile: 'fast', faults: { importRefused: ['carolcr'] }, faultsFile: '/class/faults.yaml' });
    expect(servedMismatch(served, undefined, {}, '/class/faults.yaml')).toBeUndefined();
    expect(servedMismatch(served, undefined, {}, '/other/faults.yaml')?.wanted).toBe('no faults');
    // Edited since it started: the message tells the two apart instead of naming one path twice.
    expect(servedMismatch(served, undefined, { crashLoop: { member: ['x'] } }, '/class/faults.yaml')).toEqual({
      served: 'the faults of /class/faults.yaml as it was when it started',
      wanted: 'the faults of /class/faults.yaml as it is now',
    });
  });

  test('LIFESUB_SANDBOX_BACKGROUND=0 (or false/no/off) keeps the sandbox in the command’s process', () => {
    expect(backgroundWanted({})).toBe(true);
    for (const v of ['0', 'false', 'No', 'off']) expect(backgroundWanted({ LIFESUB_SANDBOX_BACKGROUND: v })).toBe(false);
  });

  test('the background sandbox is left alone when it fits, and not restarted under another command', async () => {
    const h = home();
    const served = await serve(h, 'fast', true);
    expect((await ensureBackground({ home: h, registries: [] })).pid).toBe(process.pid);
    const attached = await startSandbox({ home: h, registries: [] });
    expect(attached.served).toEqual({ mode: 'background', pid: process.pid });
    expect(attached.kubeconfig).toBe(served.kubeconfig);
    const { clientsDir } = sandboxPaths(h);
    // Attached commands are known by pid; here one "other" command (our parent, alive) uses it.
    const unregister = registerClient(clientsDir, process.ppid);
    expect(otherClients(clientsDir)).toEqual([process.ppid]);
    const err = await ensureBackground({ home: h, profile: 'realistic', registries: [] }).catch((e: unknown) => e);
    expect((err as UserError).message).toMatch(
      new RegExp(`runs with profile fast, this command asks for profile realistic, and lifesub process ${process.ppid} is using it`),
    );
    unregister();
    await attached.close();
    expect(otherClients(clientsDir)).toEqual([]);
  });
});

describe('lifesub sandbox status|stop', () => {
  async function run(h: string, ...argv: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const sink = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) });
    const before = process.env.LIFESUB_HOME;
    process.env.LIFESUB_HOME = h;
    try {
      return { code: await main(argv, { stdout: sink, stderr: sink }), out };
    } finally {
      if (before === undefined) delete process.env.LIFESUB_HOME;
      else process.env.LIFESUB_HOME = before;
    }
  }

  test('status: exit 3 when nothing serves, 0 with pid, profile and endpoints when something does; stop with nothing running is fine; a foreground serve with another profile is refused with the fix', async () => {
    const h = home();
    expect(await run(h, 'sandbox', 'status')).toMatchObject({ code: 3, out: expect.stringMatching(/^sandbox not running/) });
    expect(await run(h, 'sandbox', 'stop')).toEqual({ code: 0, out: 'sandbox not running\n' });
    const served = await serve(h, 'fast', false);
    const r = await run(h, 'sandbox', 'status');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(new RegExp(`^sandbox running \\(foreground\\): pid ${process.pid}, fast profile, up `));
    expect(r.out).toContain(`kubeconfig: ${served.kubeconfig}`);
    expect(r.out).toMatch(/faults: {5}none/);
    // Not silently used: the command would run in another world than it asked for.
    const err = await startSandbox({ home: h, profile: 'realistic', registries: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/served by process \d+ with profile fast, but this command asks for profile realistic/);
    expect((err as UserError).hint).toMatch(/Ctrl-C in its terminal/);
  });

  test('class commands and list without --profile use the served sandbox as it is, like up and status', async () => {
    const h = home();
    await serve(h, 'realistic', false);
    const roster = path.join(h, 'class.yaml');
    writeFileSync(roster, 'students:\n  - id: alice\n');
    const r = await run(h, 'class', 'status', '--sandbox', '--roster', roster);
    expect(r.out).toMatch(/alice .*not set up: no namespace/);
    expect(r.code, r.out).toBe(1);
    const list = await run(h, 'list', '--sandbox');
    expect(list.code, list.out).toBe(0);
  });
});
