import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../src/adapters/exec.js';
import { liveProcessGroupCount } from '../../../src/adapters/exec/process-groups.js';
import { AbortedError, ToolError } from '../../../src/core/errors.js';

const node = process.execPath;
const never = new AbortController().signal;
const work = mkdtempSync(join(tmpdir(), 'lifesub-exec-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

/** True once the pid is gone or a zombie (in containers PID 1 may never reap orphans). */
function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8').trim();
      if (text) return text;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${path} never appeared`);
}

describe('ExecaRunner', () => {
  const runner = new ExecaRunner({ killGraceMs: 300 });

  test('delivers input on stdin and returns stdout', async () => {
    const result = await runner.run(node, ['-e', 'process.stdin.pipe(process.stdout)'], { signal: never, input: 'hello\nworld' });
    expect(result.stdout).toBe('hello\nworld');
  });

  test('non-zero exit: own message naming the tool, redacted stderr tail in details', async () => {
    const script = "console.error('connecting as admin'); console.error('password=hunter2 key s3cr3t'); process.exit(3)";
    const err = await failure(runner.run(node, ['-e', script], { signal: never, secrets: ['s3cr3t'] }));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe('node exited with code 3');
    const details = (err as ToolError).details ?? '';
    expect(details).toContain('connecting as admin');
    expect(details).toContain('password=***');
    expect(details).not.toContain('hunter2');
    expect(details).not.toContain('s3cr3t');
  });

  test('names the sub-command, never the rest of argv', async () => {
    const err = await failure(runner.run(node, ['-e', 'process.exit(1)', 'upgrade', '--values', 'https://user:pw@example'], { signal: never }));
    expect(err.message).toBe('node upgrade exited with code 1');
    expect(err.message).not.toContain('pw@');
  });

  test('missing executable → ToolError "<tool> not found" with an install hint', async () => {
    const err = await failure(runner.run('lifesub-no-such-tool', ['x'], { signal: never }));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe('lifesub-no-such-tool not found');
    expect((err as ToolError).hint).toMatch(/install/);

    const mapped = new ExecaRunner({ toolPaths: { helm: '/nonexistent/bin/helm' } });
    const err2 = await failure(mapped.run('helm', ['version'], { signal: never }));
    expect(err2.message).toBe('helm not found at /nonexistent/bin/helm');
    expect((err2 as ToolError).hint).toMatch(/helm\.sh/);
  });

  test('abort kills the whole process tree fast', async () => {
    const pidFile = join(work, 'bg.pid');
    const controller = new AbortController();
    const started = Date.now();
    const running = runner.run('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; sleep 30`], { signal: controller.signal });
    const grandchild = Number(await waitForFile(pidFile));
    controller.abort();
    const err = await failure(running);
    expect(err).toBeInstanceOf(AbortedError);
    expect(Date.now() - started).toBeLessThan(2000);
    for (let i = 0; i < 50 && !isDead(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    expect(isDead(grandchild)).toBe(true);
    expect(liveProcessGroupCount()).toBe(0);
  });

  test('an already-aborted signal spawns nothing', async () => {
    const marker = join(work, 'should-not-exist');
    const err = await failure(runner.run('sh', ['-c', `touch ${marker}`], { signal: AbortSignal.abort() }));
    expect(err).toBeInstanceOf(AbortedError);
    expect(existsSync(marker)).toBe(false);
  });

  test('timeout escalates to SIGKILL for a tree that ignores SIGTERM', async () => {
    const started = Date.now();
    const err = await failure(runner.run('sh', ['-c', "trap '' TERM; sleep 30"], { signal: never, timeoutMs: 200 }));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe('sh timed out after 200ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('merges runner env and call env over the parent environment', async () => {
    const withEnv = new ExecaRunner({ env: { LIFESUB_A: 'runner', LIFESUB_B: 'runner' } });
    const script = 'console.log([process.env.LIFESUB_A, process.env.LIFESUB_B, !!process.env.PATH].join(","))';
    const { stdout } = await withEnv.run(node, ['-e', script], { signal: never, env: { LIFESUB_B: 'call' } });
    expect(stdout).toBe('runner,call,true');
  });

  test('streams stdout and stderr lines to onLine, redacted', async () => {
    const lines: string[] = [];
    const script = "console.log('step 1'); console.error('token is tok123'); console.log('done')";
    const { stdout } = await runner.run(node, ['-e', script], { signal: never, onLine: (l) => lines.push(l), secrets: ['tok123'] });
    expect(stdout).toBe('step 1\ndone');
    expect(lines).toEqual(expect.arrayContaining(['step 1', 'token is ***', 'done']));
    expect(lines.join('\n')).not.toContain('tok123');
  });

  test('a missing working directory is reported as such', async () => {
    const err = await failure(runner.run(node, ['-e', '0'], { signal: never, cwd: join(work, 'nope') }));
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(/working directory .*nope does not exist/);
  });
});
