// What a Gradle build needs from the JDK, read from the repository, and what a JDK is, read from
// `java -version`. Pure functions; the Gradle adapter runs `java` and decides.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The Java release a build compiles for, and where that was read. */
export interface JavaRequirement {
  release: number;
  /** true: a toolchain (Gradle looks for that JDK among installed ones); false: sourceCompatibility (the JDK running Gradle compiles). */
  toolchain: boolean;
  /** The line it came from, e.g. "sourceCompatibility = '21'" (for messages). */
  declaration: string;
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Reads the root build.gradle (or build.gradle.kts): `java { toolchain { languageVersion =
 * JavaLanguageVersion.of(21) } }` wins over `sourceCompatibility = '21'` / `JavaVersion.VERSION_21` /
 * `21` / `'1.8'`. The lab's lifesub has `sourceCompatibility = '21'` in `allprojects` (branches k8s and main).
 * Undefined when the build declares neither.
 */
export async function javaRequirement(repoDir: string): Promise<JavaRequirement | undefined> {
  const text = (await readOptional(join(repoDir, 'build.gradle'))) || (await readOptional(join(repoDir, 'build.gradle.kts')));
  const code = text.replace(/\/\/.*$/gm, '');
  const toolchain = /languageVersion(?:\.set\(|\s*=?\s*)\s*JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(code);
  if (toolchain) return { release: Number(toolchain[1]), toolchain: true, declaration: toolchain[0].trim() };
  const source = /sourceCompatibility\s*=?\s*(?:['"](?:1\.)?(\d+)['"]|JavaVersion\.VERSION_(?:1_)?(\d+)|(?:1\.)?(\d+)\b)/.exec(code);
  const release = source?.[1] ?? source?.[2] ?? source?.[3];
  return source && release ? { release: Number(release), toolchain: false, declaration: source[0].trim() } : undefined;
}

/** The Gradle version the wrapper runs (gradle/wrapper/gradle-wrapper.properties), e.g. "8.10". */
export async function wrapperGradleVersion(repoDir: string): Promise<string | undefined> {
  const text = await readOptional(join(repoDir, 'gradle', 'wrapper', 'gradle-wrapper.properties'));
  return /distributionUrl=.*gradle-(\d+(?:\.\d+)*)(?:-[\w]+)?-(?:bin|all)\.zip/.exec(text)?.[1];
}

/**
 * The feature release in `java -version` output (printed on stderr): `openjdk version "21.0.5"` → 21,
 * `java version "1.8.0_392"` → 8, `openjdk version "23" 2024-09-17` → 23. Undefined if not recognised.
 */
export function parseJavaVersion(output: string): { release: number; version: string } | undefined {
  const version = /version "([^"]+)"/.exec(output)?.[1] ?? /^(?:openjdk|java) (\d[\w.+-]*)/m.exec(output)?.[1];
  if (!version) return undefined;
  const [first, second] = version.split(/[._+-]/).map((n) => parseInt(n, 10));
  const release = first === 1 && second !== undefined ? second : first;
  return release && Number.isFinite(release) ? { release, version } : undefined;
}

/**
 * The first Gradle release that runs on a Java release ("Support for running Gradle" in
 * https://docs.gradle.org/current/userguide/compatibility.html). Releases before 20 run on every Gradle 8.
 */
const FIRST_GRADLE_RUNNING_ON: Readonly<Record<number, string>> = { 20: '8.3', 21: '8.5', 22: '8.8', 23: '8.10', 24: '8.14', 25: '9.1.0', 26: '9.4.0' };

/** The minimum Gradle version for this Java release, or undefined when the table does not know it (assume fine). */
export function gradleNeededFor(javaRelease: number): string | undefined {
  return FIRST_GRADLE_RUNNING_ON[javaRelease];
}

/** Numeric comparison of dotted versions: "8.10" > "8.5". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when the first line of a script ends in CR: a Windows (CRLF) checkout the kernel cannot run. */
export function hasCrlfShebang(script: Buffer): boolean {
  const end = script.indexOf(0x0a);
  const first = end < 0 ? script : script.subarray(0, end);
  return first.length > 2 && first[0] === 0x23 && first[1] === 0x21 && first[first.length - 1] === 0x0d;
}
