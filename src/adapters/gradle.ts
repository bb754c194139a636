// Gradle through the repository's own wrapper (./gradlew), which pins the Gradle version the lab
// was written for; a system `gradle` may be missing or too new. Before Gradle starts, the two things a
// lab VM most often gets wrong are checked and named: a gradlew checked out with CRLF line endings
// (the kernel then reports the script itself as "not found") and a JDK that does not fit the build
// (too old for its Java release, or too new for the wrapper's Gradle).
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AbortedError, ToolError } from '../core/errors.js';
import {
  compareVersions,
  gradleNeededFor,
  hasCrlfShebang,
  javaRequirement,
  parseJavaVersion,
  wrapperGradleVersion,
  type JavaRequirement,
} from './gradle-java.js';
import type { CallOptions, CommandRunner, Gradle, JdkFound } from './types.js';

export interface GradleWrapperOptions {
  /**
   * Run this executable in the repository instead of its ./gradlew (the sandbox's Gradle: a real
   * wrapper downloads Gradle from the internet and writes ~/.gradle). The wrapper is still checked.
   */
  executable?: string;
  /** The `java` to check; default `$JAVA_HOME/bin/java` when javaHome is set, else `java` on PATH — what gradlew runs. */
  java?: string;
  /** JAVA_HOME as the user's environment has it (gradlew prefers it over PATH). */
  javaHome?: string;
}

export class GradleWrapper implements Gradle {
  constructor(
    private readonly runner: CommandRunner,
    private readonly options: GradleWrapperOptions = {},
  ) {}

  /**
   * `./gradlew <tasks> -x test --console=plain` in repoDir. Throws ToolError (with a hint) for a missing,
   * non-executable or CRLF wrapper, a missing or unfit JDK (nothing is run then), or a failed build.
   */
  async build(repoDir: string, tasks: string[], options: CallOptions): Promise<void> {
    const wrapper = join(repoDir, 'gradlew');
    await checkWrapper(wrapper, repoDir);
    await this.checkJdk(repoDir, options);
    await this.runner
      .run(this.options.executable ?? wrapper, [...tasks, '-x', 'test', '--console=plain'], {
        cwd: repoDir,
        signal: options.signal,
        onLine: options.onLine,
      })
      .catch((err: unknown) => {
        throw explainFailure(err, wrapper, repoDir);
      });
  }

  private javaCommand(): { file: string; where: string } {
    if (this.options.java) return { file: this.options.java, where: this.options.java };
    if (this.options.javaHome) return { file: join(this.options.javaHome, 'bin', 'java'), where: `JAVA_HOME=${this.options.javaHome}` };
    return { file: 'java', where: 'java on PATH' };
  }

  /** Fails before Gradle runs when the JDK gradlew would use cannot build this repository (see Gradle.checkJdk). */
  async checkJdk(repoDir: string | undefined, options: CallOptions & { fallback?: { release: number; declaration: string } }): Promise<JdkFound> {
    const declared = repoDir ? await javaRequirement(repoDir) : undefined;
    const need: JavaRequirement | undefined = declared ?? (options.fallback && { ...options.fallback, toolchain: false });
    const where = declared && repoDir ? join(repoDir, 'build.gradle') : "the lab's lifesub repository";
    const java = this.javaCommand();
    const release = need?.release ?? 21;
    let output: string;
    try {
      const { stdout, stderr } = await this.runner.run(java.file, ['-version'], { signal: options.signal });
      output = `${stderr}\n${stdout}`;
    } catch (err) {
      if (err instanceof AbortedError || !(err instanceof ToolError)) throw err;
      throw new ToolError(
        this.options.javaHome
          ? `JAVA_HOME is set to ${this.options.javaHome}, which has no working bin/java (gradlew stops with "ERROR: JAVA_HOME is set to an invalid directory")`
          : `no Java found: gradlew needs a JDK ("ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH")`,
        jdkHint(release, need),
        { cause: err },
      );
    }
    const found = parseJavaVersion(output);
    const report: JdkFound = { where: java.where, ...(need ? { need: { release: need.release, declaration: need.declaration } } : {}) };
    if (!found) return report; // an unknown launcher: let Gradle speak for itself
    options.onLine?.(`JDK ${found.version} (${java.where})${need ? `; the build needs Java ${need.release} (${need.declaration})` : ''}`);
    if (need && !need.toolchain && found.release < need.release) {
      throw new ToolError(
        `the JDK is ${found.version} (${java.where}), but ${where} needs Java ${need.release} (${need.declaration}): Gradle would stop with "error: invalid source release: ${need.release}"`,
        jdkHint(need.release, need),
      );
    }
    const gradle = repoDir ? await wrapperGradleVersion(repoDir) : undefined;
    const minimum = gradleNeededFor(found.release);
    if (gradle && minimum && compareVersions(gradle, minimum) < 0) {
      throw new ToolError(
        `the JDK is ${found.version} (${java.where}), too new for Gradle ${gradle} (the repository's wrapper), which runs on Java ${found.release} only from Gradle ${minimum} on: the build would stop with "Unsupported class file major version ${found.release + 44}"`,
        jdkHint(release, need),
      );
    }
    return { ...report, version: found.version };
  }
}

function jdkHint(release: number, need: JavaRequirement | undefined): string {
  const why = need ? '' : ' (the lab uses Java 21)';
  return `install JDK ${release}${why}, e.g. \`sudo apt-get install openjdk-${release}-jdk\`, and point JAVA_HOME at it: \`export JAVA_HOME=/usr/lib/jvm/java-${release}-openjdk-amd64\` (or put its bin first on PATH), then run again`;
}

function crlfError(wrapper: string, repoDir: string, cause?: unknown): ToolError {
  return new ToolError(
    `${wrapper} has Windows (CRLF) line endings: the system looks for the interpreter "sh\\r", which does not exist, and reports the script as "not found"`,
    `convert it: \`sed -i 's/\\r$//' ${wrapper}\`; or stop git converting files and check it out again: \`git -C ${repoDir} config core.autocrlf false && git -C ${repoDir} checkout -- gradlew\``,
    { cause },
  );
}

/** A failed run, explained when its output shows a known cause. */
function explainFailure(err: unknown, wrapper: string, repoDir: string): unknown {
  if (!(err instanceof ToolError)) return err;
  const text = `${err.message}\n${err.details ?? ''}`;
  if (/\r': No such file or directory|\^M: bad interpreter/.test(text)) return crlfError(wrapper, repoDir, err);
  const source = /invalid source release: (\d+)/.exec(text);
  if (source && !err.hint) err.hint = jdkHint(Number(source[1]), undefined);
  if (/Unsupported class file major version|requires at least JVM runtime version/.test(text) && !err.hint) err.hint = jdkHint(21, undefined);
  return err;
}

async function checkWrapper(wrapper: string, repoDir: string): Promise<void> {
  try {
    await access(wrapper, constants.F_OK);
  } catch {
    throw new ToolError(
      `no Gradle wrapper at ${wrapper}`,
      `check that ${repoDir} is a complete clone of the lab repository (it ships gradlew), or delete it so it is cloned again`,
    );
  }
  try {
    await access(wrapper, constants.X_OK);
  } catch {
    throw new ToolError(`the Gradle wrapper ${wrapper} is not executable`, `run: chmod +x ${wrapper}`);
  }
  if (hasCrlfShebang(await readFile(wrapper))) throw crlfError(wrapper, repoDir);
}
