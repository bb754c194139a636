// Reading the Gradle build the way the sandbox Gradle needs: modules from settings.gradle, each
// module's project dependencies and jar name from its build.gradle.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface GradleBuild {
  root: string;
  name: string;
  modules: string[];
}

/** Reads settings.gradle: the root project's name and the included modules (`a:b` → `a/b`). */
export function readSettings(root: string): GradleBuild | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'settings.gradle'), 'utf8');
  } catch {
    return undefined;
  }
  const name = /rootProject\.name\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? path.basename(root);
  const modules: string[] = [];
  for (const line of text.split('\n').filter((l) => /^\s*include\b/.test(l))) {
    for (const m of line.matchAll(/['"]:?([^'"]+)['"]/g)) modules.push((m[1] as string).replace(/:/g, '/'));
  }
  return { root, name, modules };
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function buildGradle(build: GradleBuild, module: string): string {
  return read(path.join(build.root, module, 'build.gradle'));
}

export function projectDeps(build: GradleBuild, module: string): string[] {
  return [...buildGradle(build, module).matchAll(/project\(\s*['"]:([^'"]+)['"]\s*\)/g)].map((m) => m[1] as string);
}

/**
 * bootJar's archiveFileName when the module is a Boot app, else the plain jar Gradle names
 * `<module>-<version>-plain.jar` when the Spring Boot plugin is applied (it gives `jar` the
 * classifier "plain"), `<module>-<version>.jar` otherwise (`<module>.jar` without a version).
 */
export function jarName(build: GradleBuild, module: string): { name: string; boot: boolean } {
  const text = buildGradle(build, module);
  const bootBlock = /bootJar\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  const bootDisabled = /enabled\s*=\s*false/.test(bootBlock);
  const named = /archiveFileName\s*=\s*['"]([^'"]+)['"]/.exec(bootBlock)?.[1];
  if (!bootDisabled && named) return { name: named, boot: true };
  const root = read(path.join(build.root, 'build.gradle'));
  const version = /^\s*version\s*=\s*['"]([^'"]+)['"]/m.exec(root)?.[1];
  const classifier = /org\.springframework\.boot/.test(root) ? '-plain' : '';
  return { name: `${path.basename(module)}${version ? `-${version}` : ''}${version ? classifier : ''}.jar`, boot: false };
}

/** The Java release the build compiles for: a toolchain's languageVersion or sourceCompatibility. */
export interface JavaTarget {
  release: number;
  toolchain: boolean;
}

export function javaTarget(root: string): JavaTarget | undefined {
  const text = read(path.join(root, 'build.gradle'));
  const toolchain = /languageVersion\s*=?\s*JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(text)?.[1];
  if (toolchain) return { release: Number(toolchain), toolchain: true };
  const source = /sourceCompatibility\s*=?\s*(?:['"](?:1\.)?(\d+)['"]|JavaVersion\.VERSION_(?:1_)?(\d+)|(?:1\.)?(\d+)\b)/.exec(text);
  const release = source?.[1] ?? source?.[2] ?? source?.[3];
  return release ? { release: Number(release), toolchain: false } : undefined;
}

/** The Gradle version the wrapper would download (gradle/wrapper/gradle-wrapper.properties). */
export function wrapperGradleVersion(root: string): string | undefined {
  const text = read(path.join(root, 'gradle', 'wrapper', 'gradle-wrapper.properties'));
  return /distributionUrl=.*gradle-([\d.]+(?:-[a-z0-9]+)?)-(?:bin|all)\.zip/.exec(text)?.[1];
}

/** sha256 over a module's build.gradle and src/ tree: the jar's content depends only on these. */
export function sourceHash(build: GradleBuild, module: string): string {
  const hash = createHash('sha256');
  const visit = (abs: string, rel: string) => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.join(abs, name), `${rel}/${name}`);
    } else {
      hash.update(`${rel}\0`).update(readFileSync(abs));
    }
  };
  visit(path.join(build.root, module, 'build.gradle'), 'build.gradle');
  visit(path.join(build.root, module, 'src'), 'src');
  return hash.digest('hex');
}
