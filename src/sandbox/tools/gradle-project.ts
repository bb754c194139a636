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

function buildGradle(build: GradleBuild, module: string): string {
  try {
    return readFileSync(path.join(build.root, module, 'build.gradle'), 'utf8');
  } catch {
    return '';
  }
}

export function projectDeps(build: GradleBuild, module: string): string[] {
  return [...buildGradle(build, module).matchAll(/project\(\s*['"]:([^'"]+)['"]\s*\)/g)].map((m) => m[1] as string);
}

/** bootJar's archiveFileName when the module is a Boot app, else the plain `<module>.jar`. */
export function jarName(build: GradleBuild, module: string): { name: string; boot: boolean } {
  const text = buildGradle(build, module);
  const bootBlock = /bootJar\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  const bootDisabled = /enabled\s*=\s*false/.test(bootBlock);
  const named = /archiveFileName\s*=\s*['"]([^'"]+)['"]/.exec(bootBlock)?.[1];
  if (!bootDisabled && named) return { name: named, boot: true };
  return { name: `${path.basename(module)}.jar`, boot: false };
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
