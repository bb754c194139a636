// The sandbox's JDK: one Java version (LIFESUB_SANDBOX_JAVA_VERSION, default 21.0.5) that the sandbox
// `java` reports and the sandbox Gradle runs on, so a wrong JDK fails as it would on a lab VM.
import { JAVA_VERSION_VAR } from '../env.js';

export const DEFAULT_JAVA_VERSION = '21.0.5';

/** The simulated Java version string ("17.0.9", "1.8.0_392"). */
export function sandboxJavaVersion(env: NodeJS.ProcessEnv): string {
  return env[JAVA_VERSION_VAR]?.trim() || DEFAULT_JAVA_VERSION;
}

/** The feature release of a version string: "1.8.0_392" → 8, "17.0.9" → 17, "21" → 21. */
export function javaMajor(version: string): number {
  const [first, second] = version.split(/[._+-]/).map(Number);
  return first === 1 && second !== undefined ? second : (first ?? 0);
}

/**
 * The first Gradle release that runs on a Java release (docs.gradle.org/current/userguide/compatibility.html,
 * "Support for running Gradle"). Older Java releases run every Gradle 8.
 */
const FIRST_GRADLE_RUNNING_ON: Record<number, string> = { 20: '8.3', 21: '8.5', 22: '8.8', 23: '8.10', 24: '8.14', 25: '9.1.0', 26: '9.4.0' };

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** False when this Gradle version cannot run on this Java release (it fails compiling the build script). */
export function gradleRunsOn(gradleVersion: string, javaRelease: number): boolean {
  const known = Object.keys(FIRST_GRADLE_RUNNING_ON).map(Number);
  const needed = FIRST_GRADLE_RUNNING_ON[javaRelease] ?? (javaRelease > Math.max(...known) ? '99' : undefined);
  return needed === undefined || compareVersions(gradleVersion, needed) >= 0;
}

/** `java -version`'s three lines (the real JDK prints them on stderr). */
export function javaVersionBanner(version: string): string {
  const legacy = version.startsWith('1.');
  return `openjdk version "${version}"${legacy ? '' : ' 2024-10-15 LTS'}\nOpenJDK Runtime Environment Temurin-${version}+11 (build ${version}+11-LTS)\nOpenJDK 64-Bit Server VM Temurin-${version}+11 (build ${version}+11-LTS, mixed mode, sharing)\n`;
}
