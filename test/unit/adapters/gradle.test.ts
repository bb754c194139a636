import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../src/adapters/exec.js';
import { GradleWrapper } from '../../../src/adapters/gradle.js';
import { ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const signal = new AbortController().signal;
const root = mkdtempSync(join(tmpdir(), 'lifesub-gradle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('GradleWrapper', () => {
  test('runs <repo>/gradlew with the tasks, -x test and plain console, in the repo', async () => {
    const dir = mkdtempSync(join(root, 'ok-'));
    writeFileSync(join(dir, 'gradlew'), '#!/bin/sh\n');
    chmodSync(join(dir, 'gradlew'), 0o755);
    const runner = new ScriptedRunner([
      { file: join(dir, 'gradlew'), args: [':member:clean', ':member:build', '-x', 'test', '--console=plain'] },
    ]);
    await new GradleWrapper(runner).build(dir, [':member:clean', ':member:build'], { signal });
    expect(runner.calls[0]!.cwd).toBe(dir);
    runner.assertDone();
  });

  test('a missing wrapper is a ToolError with a hint, nothing is run', async () => {
    const dir = mkdtempSync(join(root, 'none-'));
    const runner = new ScriptedRunner();
    const err = await new GradleWrapper(runner).build(dir, [':member:build'], { signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toContain('no Gradle wrapper');
    expect((err as ToolError).hint).toBeTruthy();
    expect(runner.calls).toHaveLength(0);
  });

  test('a non-executable wrapper says chmod', async () => {
    const dir = mkdtempSync(join(root, 'noexec-'));
    writeFileSync(join(dir, 'gradlew'), '#!/bin/sh\n');
    chmodSync(join(dir, 'gradlew'), 0o644);
    const err = await new GradleWrapper(new ScriptedRunner()).build(dir, ['x'], { signal }).catch((e: unknown) => e);
    expect((err as ToolError).hint).toMatch(/chmod \+x/);
  });

  test('with the real runner: arguments reach the wrapper, failures name gradlew', async () => {
    const dir = mkdtempSync(join(root, 'real-'));
    writeFileSync(join(dir, 'gradlew'), '#!/bin/sh\necho "args: $*"\necho "cwd: $(pwd)"\n[ "$1" = ":bad:build" ] && { echo "FAILURE: Build failed" >&2; exit 1; }\nexit 0\n');
    chmodSync(join(dir, 'gradlew'), 0o755);
    const lines: string[] = [];
    const gradle = new GradleWrapper(new ExecaRunner());
    await gradle.build(dir, [':member:build'], { signal, onLine: (l) => lines.push(l) });
    expect(lines).toEqual(['args: :member:build -x test --console=plain', `cwd: ${dir}`]);
    const err = await gradle.build(dir, [':bad:build'], { signal }).catch((e: unknown) => e);
    expect((err as ToolError).message).toBe('gradlew :bad:build exited with code 1');
    expect((err as ToolError).details).toContain('FAILURE: Build failed');
  });
});
