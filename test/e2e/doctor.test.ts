// `lifesub doctor --sandbox` through the built CLI, with two things wrong at once — the configured
// helm does not exist and the Docker engine does not answer (a sandbox tool fault): both are reported,
// each with its fix, exit 1, and doctor changed nothing (no workspace, no object in the cluster).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, freshHome, removeHome, runCli, writeFile } from '../support/cli.js';

let home: string;
beforeAll(() => {
  assertBuilt();
  home = freshHome('doctor');
});
afterAll(() => removeHome(home));

interface Finding {
  check: string;
  status: string;
  problems: Array<{ what: string; why: string; fix: string; origin: string; blocking: boolean }>;
}

describe('lifesub doctor --sandbox', () => {
  it('reports every problem with its fix, exits 1 and creates nothing', async () => {
    const faults = writeFile(
      home,
      'faults.yaml',
      'tools:\n  - tool: docker\n    match: version\n    stderr: "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"\n',
    );
    const helm = join(home, 'no-such-helm');
    const r = await runCli(['doctor', '--sandbox', '--id', 'e2edoc', '--output', 'json'], {
      env: { LIFESUB_HOME: home, LIFESUB_HELM: helm, LIFESUB_SANDBOX_FAULTS: faults },
      timeoutMs: 60_000,
    });
    expect(r.code, explain(r)).toBe(1);
    const [report] = r.events as unknown as Array<{ type: string; ok: boolean; blocking: number; checks: Finding[] }>;
    expect(report).toMatchObject({ type: 'doctor', ok: false, blocking: 2 });
    const byName = new Map(report!.checks.map((c) => [c.check, c]));
    expect(byName.get('helm')?.problems).toEqual([
      expect.objectContaining({ what: `the configured helm (${helm}) could not be run`, fix: expect.stringContaining('LIFESUB_HELM'), origin: 'input' }),
    ]);
    expect(byName.get('docker')?.problems).toEqual([
      expect.objectContaining({
        what: expect.stringContaining('Cannot connect to the Docker daemon'),
        fix: expect.stringContaining('start the Docker engine'),
        origin: 'world',
      }),
    ]);
    // The rest of the simulated world is fine, and was asked: the cluster answered, the registry exists.
    for (const name of ['kube', 'git', 'jdk', 'registry', 'workspace', 'disk']) expect(byName.get(name)?.status, name).toBe('ok');

    // Nothing was created: no workspace, no image, no docker login, no object of this ID in the cluster.
    const sandbox = join(home, 'sandbox');
    expect(existsSync(join(sandbox, 'workspace'))).toBe(false);
    expect(existsSync(join(sandbox, 'images'))).toBe(false);
    expect(existsSync(join(sandbox, 'docker', 'config.json'))).toBe(false);
    const objects = JSON.stringify((JSON.parse(readFileSync(join(sandbox, 'state.json'), 'utf8')) as { objects: unknown }).objects);
    expect(objects).not.toContain('e2edoc');
    expect(objects).not.toContain('lifesub.io/id');
  }, 90_000);
});
