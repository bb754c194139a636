// The read-only probes doctor adds to the adapters, against the real file system and a scripted runner.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GradleWrapper } from '../../../src/adapters/gradle.js';
import { LocalHost } from '../../../src/adapters/host.js';
import { ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'lifesub-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const signal = new AbortController().signal;

describe('LocalHost.inspectDir', () => {
  const host = new LocalHost();

  test('a directory: writable, with the free space of its file system', async () => {
    const state = await host.inspectDir(dir, signal);
    expect(state).toMatchObject({ kind: 'directory', existingAncestor: dir, writable: true });
    expect(state.freeBytes).toBeGreaterThan(0);
  });

  test('a path not there yet: missing, answered for the nearest directory that exists; nothing is created', async () => {
    const state = await host.inspectDir(join(dir, 'a', 'b'), signal);
    expect(state).toMatchObject({ kind: 'missing', existingAncestor: dir, writable: true });
    await expect(host.inspectDir(join(dir, 'a'), signal)).resolves.toMatchObject({ kind: 'missing' });
  });

  test('a file, or a path below a file: the file is what is in the way', async () => {
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    await expect(host.inspectDir(file, signal)).resolves.toMatchObject({ kind: 'file', existingAncestor: file, writable: false });
    await expect(host.inspectDir(join(file, 'ws'), signal)).resolves.toMatchObject({ kind: 'file', existingAncestor: file, writable: false });
  });
});

describe('GradleWrapper.checkJdk before the clone', () => {
  const java = (stderr: string) => new ScriptedRunner([{ file: 'java', args: ['-version'], result: { stderr } }]);
  const fallback = { release: 21, declaration: "sourceCompatibility = '21'" };

  test("no repository yet: the lab's Java 21 stands in, and a JDK 17 is refused naming both", async () => {
    const gradle = new GradleWrapper(java('openjdk version "17.0.9" 2023-10-17'));
    const err = await gradle.checkJdk(join(dir, 'no-clone'), { signal, fallback }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toBe(
      `the JDK is 17.0.9 (java on PATH), but the lab's lifesub repository needs Java 21 (sourceCompatibility = '21'): Gradle would stop with "error: invalid source release: 21"`,
    );
    expect((err as ToolError).hint).toMatch(/install JDK 21/);
  });

  test('a JDK 21 passes and says what it found', async () => {
    const gradle = new GradleWrapper(java('openjdk version "21.0.5" 2024-10-15'));
    await expect(gradle.checkJdk(undefined, { signal, fallback })).resolves.toEqual({ version: '21.0.5', where: 'java on PATH', need: fallback });
  });
});
