import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ExecaRunner } from '../../../src/adapters/exec.js';
import { GradleWrapper } from '../../../src/adapters/gradle.js';
import { javaRequirement, parseJavaVersion } from '../../../src/adapters/gradle-java.js';
import { ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const signal = new AbortController().signal;
const root = mkdtempSync(join(tmpdir(), 'lifesub-gradle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The lab's root build.gradle declares its Java release like this (lifesub k8s and main).
const LAB_BUILD = "allprojects {\n    group = 'com.unicorn'\n    version = '1.0.0'\n    sourceCompatibility = '21'\n}\n";
const WRAPPER_PROPS = 'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10-bin.zip\n';
const JAVA_21 = 'openjdk version "21.0.5" 2024-10-15 LTS\nOpenJDK Runtime Environment Temurin-21.0.5+11 (build 21.0.5+11-LTS)\n';

function repo(name: string, gradlew = '#!/bin/sh\n', mode = 0o755): string {
  const dir = mkdtempSync(join(root, `${name}-`));
  writeFileSync(join(dir, 'gradlew'), gradlew);
  chmodSync(join(dir, 'gradlew'), mode);
  writeFileSync(join(dir, 'build.gradle'), LAB_BUILD);
  mkdirSync(join(dir, 'gradle', 'wrapper'), { recursive: true });
  writeFileSync(join(dir, 'gradle', 'wrapper', 'gradle-wrapper.properties'), WRAPPER_PROPS);
  return dir;
}

/** A fake `java` launcher that prints this version banner on stderr, like the real one. */
function fakeJava(banner: string): string {
  const dir = mkdtempSync(join(root, 'jdk-'));
  const file = join(dir, 'java');
  writeFileSync(file, `#!/bin/sh\ncat >&2 <<'EOF'\n${banner}EOF\n`);
  chmodSync(file, 0o755);
  return file;
}

const javaOk = { file: 'java', args: ['-version'], result: { stderr: JAVA_21 } };

describe('GradleWrapper', () => {
  test('checks the JDK, then runs <repo>/gradlew with the tasks, -x test and plain console, in the repo', async () => {
    const dir = repo('ok');
    const runner = new ScriptedRunner([javaOk, { file: join(dir, 'gradlew'), args: [':member:clean', ':member:build', '-x', 'test', '--console=plain'] }]);
    const lines: string[] = [];
    await new GradleWrapper(runner).build(dir, [':member:clean', ':member:build'], { signal, onLine: (l) => lines.push(l) });
    expect(runner.calls[1]!.cwd).toBe(dir);
    expect(lines).toContain("JDK 21.0.5 (java on PATH); the build needs Java 21 (sourceCompatibility = '21')");
    runner.assertDone();
  });

  test('with an executable given (the sandbox), that runs in the repo instead of its gradlew', async () => {
    const dir = repo('sandbox');
    const runner = new ScriptedRunner([
      { file: '/sb/java', args: ['-version'], result: { stderr: JAVA_21 } },
      { file: '/sb/gradlew', args: [':member:build', '-x', 'test', '--console=plain'] },
    ]);
    await new GradleWrapper(runner, { executable: '/sb/gradlew', java: '/sb/java' }).build(dir, [':member:build'], { signal });
    expect(runner.calls[1]!.cwd).toBe(dir);
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
    const dir = repo('noexec', '#!/bin/sh\n', 0o644);
    const err = await new GradleWrapper(new ScriptedRunner()).build(dir, ['x'], { signal }).catch((e: unknown) => e);
    expect((err as ToolError).hint).toMatch(/chmod \+x/);
  });

  test('a gradlew with CRLF line endings is named as such with both fixes; nothing is run', async () => {
    const dir = repo('crlf', '#!/bin/sh\r\n\r\nexec java "$@"\r\n');
    const runner = new ScriptedRunner();
    const err = (await new GradleWrapper(runner).build(dir, [':member:build'], { signal }).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('Windows (CRLF) line endings');
    expect(err.hint).toContain(`sed -i 's/\\r$//' ${join(dir, 'gradlew')}`);
    expect(err.hint).toContain('core.autocrlf false');
    expect(runner.calls).toHaveLength(0);
  });

  test('what the kernel does with a CRLF gradlew is really "not found" — and that failure is explained too', async () => {
    // The pre-check above exists because this is what the user would otherwise see.
    const dir = repo('crlf-real', '#!/bin/sh\r\necho never\r\n');
    const direct = await new ExecaRunner().run(join(dir, 'gradlew'), [], { signal }).catch((e: unknown) => e);
    expect((direct as ToolError).message).toMatch(/gradlew not found/);
    // A runner whose failure shows env's words (a `#!/usr/bin/env bash` wrapper) is mapped to the CRLF error.
    const lf = repo('crlf-late');
    const runner = new ScriptedRunner([
      javaOk,
      {
        file: join(lf, 'gradlew'),
        args: () => true,
        error: new ToolError('gradlew exited with code 127', undefined, { details: "/usr/bin/env: 'bash\r': No such file or directory" }),
      },
    ]);
    const err = (await new GradleWrapper(runner).build(lf, [':member:build'], { signal }).catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain('CRLF');
  });

  test('a JDK older than the build needs fails before Gradle runs, naming both and how to fix', async () => {
    const dir = repo('jdk17');
    const runner = new ScriptedRunner([{ file: 'java', args: ['-version'], result: { stderr: 'openjdk version "17.0.9" 2023-10-17\n' } }]);
    const err = (await new GradleWrapper(runner).build(dir, [':member:build'], { signal }).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('the JDK is 17.0.9 (java on PATH)');
    expect(err.message).toContain("needs Java 21 (sourceCompatibility = '21')");
    expect(err.message).toContain('invalid source release: 21');
    expect(err.hint).toMatch(/install JDK 21.*JAVA_HOME/);
    runner.assertDone();
  });

  test('JAVA_HOME decides which java is checked, as in gradlew; a broken JAVA_HOME is named', async () => {
    const dir = repo('javahome');
    const home = join(root, 'no-such-jdk');
    const err = (await new GradleWrapper(new ExecaRunner(), { javaHome: home })
      .build(dir, [':member:build'], { signal })
      .catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain(`JAVA_HOME is set to ${home}`);
    expect(err.hint).toContain('install JDK 21');
  });

  test("a JDK too new for the wrapper's Gradle fails before Gradle runs (Gradle 8.10 runs on Java up to 23)", async () => {
    const dir = repo('jdk25');
    const java = fakeJava('openjdk version "25" 2025-09-16\n');
    const err = (await new GradleWrapper(new ExecaRunner(), { java }).build(dir, [':member:build'], { signal }).catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain('too new for Gradle 8.10');
    expect(err.message).toContain('Unsupported class file major version 69');
  });

  test('a newer JDK that Gradle runs on passes (sourceCompatibility is a minimum)', async () => {
    const dir = repo('jdk23', '#!/bin/sh\necho built\n');
    const java = fakeJava('openjdk version "23.0.1" 2024-10-15\n');
    const lines: string[] = [];
    await new GradleWrapper(new ExecaRunner(), { java }).build(dir, [':member:build'], { signal, onLine: (l) => lines.push(l) });
    expect(lines).toContain('built');
  });

  test('with the real runner: arguments reach the wrapper, failures name gradlew', async () => {
    const dir = repo(
      'real',
      '#!/bin/sh\necho "args: $*"\necho "cwd: $(pwd)"\n[ "$1" = ":bad:build" ] && { echo "FAILURE: Build failed" >&2; exit 1; }\nexit 0\n',
    );
    const lines: string[] = [];
    const gradle = new GradleWrapper(new ExecaRunner(), { java: fakeJava(JAVA_21) });
    await gradle.build(dir, [':member:build'], { signal, onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => !l.startsWith('JDK '))).toEqual(['args: :member:build -x test --console=plain', `cwd: ${dir}`]);
    const err = await gradle.build(dir, [':bad:build'], { signal }).catch((e: unknown) => e);
    expect((err as ToolError).message).toBe('gradlew :bad:build exited with code 1');
    expect((err as ToolError).details).toContain('FAILURE: Build failed');
  });
});

describe('reading the Java requirement and version', () => {
  test('sourceCompatibility forms and a toolchain', async () => {
    const dir = mkdtempSync(join(root, 'req-'));
    const cases: Array<[string, number | undefined, boolean?]> = [
      [LAB_BUILD, 21, false],
      ['java { sourceCompatibility = JavaVersion.VERSION_17 }\n', 17, false],
      ['sourceCompatibility = 1.8\n', 8, false],
      ['// sourceCompatibility = 11\n', undefined],
      ["sourceCompatibility = '17'\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n", 21, true],
    ];
    for (const [text, release, toolchain] of cases) {
      writeFileSync(join(dir, 'build.gradle'), text);
      const req = await javaRequirement(dir);
      expect(req?.release).toBe(release);
      if (release) expect(req?.toolchain).toBe(toolchain);
    }
  });

  test('java -version banners', () => {
    expect(parseJavaVersion(JAVA_21)).toEqual({ release: 21, version: '21.0.5' });
    expect(parseJavaVersion('java version "1.8.0_392"\n')?.release).toBe(8);
    expect(parseJavaVersion('openjdk version "23" 2024-09-17\n')?.release).toBe(23);
    expect(parseJavaVersion('openjdk 17.0.2 2022-01-18\n')?.release).toBe(17);
    expect(parseJavaVersion('nonsense')).toBeUndefined();
  });
});
