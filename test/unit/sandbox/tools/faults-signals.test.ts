import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shim, tempSandbox, type TempSandbox } from './harness.js';

let sb: TempSandbox;
let faultFile: string;

beforeAll(() => {
  sb = tempSandbox();
  faultFile = path.join(sb.root, 'faults.yaml');
  writeFileSync(
    faultFile,
    [
      'tools:',
      '  - tool: docker',
      '    match: lifesub-web',
      '    exitCode: 17',
      '    stderr: "ERROR: failed to solve: npm ci exited with 1"',
      '  - tool: git',
      '    match: "fault-outage"',
      '    stderr: "Error: simulated outage"',
      'slow:',
      '  gitClone: 100000',
    ].join('\n'),
  );
});
afterAll(() => sb.cleanup());

describe('tool fault injection', () => {
  test('the first matching rule decides the exit code and stderr; others run normally', async () => {
    const env = { ...sb.env, LIFESUB_SANDBOX_FAULTS: faultFile };
    const web = await shim('docker', ['build', '-t', 'democr.azurecr.io/lifesub/lifesub-web:1.0.0', '.'], { env });
    expect(web).toMatchObject({ exitCode: 17, stderr: 'ERROR: failed to solve: npm ci exited with 1' });
    const member = await shim('docker', ['build', '-t', 'democr.azurecr.io/lifesub/member:1.0.0', '/nonexistent'], { env });
    expect(member.exitCode).toBe(1);
    expect(member.stderr).toContain('unable to prepare context');
    const git = await shim('git', ['clone', 'https://github.com/cna-bootcamp/fault-outage.git'], { env });
    expect(git).toMatchObject({ exitCode: 1, stderr: 'Error: simulated outage' });
  });

  test('an invalid fault file is reported clearly', async () => {
    const bad = path.join(sb.root, 'bad.yaml');
    writeFileSync(bad, 'tools:\n  - tool: kubectl\n    stderr: x\n');
    const res = await shim('docker', ['version'], { env: { ...sb.env, LIFESUB_SANDBOX_FAULTS: bad } });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain('is invalid');
  });
});

describe('signals', () => {
  test('a slow tool exits promptly on SIGTERM', async () => {
    const child = execa('git', ['clone', 'https://github.com/cna-bootcamp/lifesub.git', path.join(sb.root, 'slow')], {
      env: { ...sb.env, LIFESUB_SANDBOX_FAULTS: faultFile },
      reject: false,
    });
    // The slow fault makes this clone take ~10000 s; wait until it is under way, then stop it.
    await new Promise<void>((resolve) => child.stderr?.once('data', () => resolve()));
    const started = Date.now();
    child.kill('SIGTERM');
    const result = await child;
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.exitCode).toBe(143);
  });
});
