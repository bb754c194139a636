// The sandbox Gradle wrapper: `./gradlew :member:clean :member:build -x test --console=plain`, run in
// the repository (its own `gradlew` or, for any clone, by lifesub in place of it: a real wrapper would
// download Gradle and write ~/.gradle). Resolves tasks against settings.gradle like Gradle, then
// writes each module's jar with bytes that depend only on its sources. Fails like the real thing where
// a lab VM does: a gradlew with CRLF line endings, a JDK too old for the build's Java release or too
// new for the wrapper's Gradle (the JDK is LIFESUB_SANDBOX_JAVA_VERSION, see jdk.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { javaTarget, jarName, projectDeps, readSettings, sourceHash, wrapperGradleVersion, type GradleBuild } from './gradle-project.js';
import { gradleRunsOn, javaMajor, sandboxJavaVersion } from './jdk.js';
import { runTool, ToolExit, type ToolContext } from './runtime.js';

const TASKS = ['clean', 'build', 'assemble', 'bootJar', 'jar', 'classes', 'compileJava', 'test', 'check'];
const SWITCHES = new Set([
  '-q',
  '--quiet',
  '--no-daemon',
  '--daemon',
  '--offline',
  '--stacktrace',
  '-s',
  '--info',
  '-i',
  '--parallel',
  '--build-cache',
  '--no-build-cache',
  '--scan',
  '--no-scan',
  '--refresh-dependencies',
]);

function failure(what: string, tryText = '> Run with --stacktrace option to get the stack trace.'): ToolExit {
  return new ToolExit(1, `\nFAILURE: Build failed with an exception.\n\n* What went wrong:\n${what}\n\n* Try:\n${tryText}\n\nBUILD FAILED in 1s`);
}

interface Plan {
  requested: Array<{ module: string; task: string }>;
  excluded: Set<string>;
  quiet: boolean;
}

function plan(build: GradleBuild, argv: string[]): Plan {
  const requested: Plan['requested'] = [];
  const excluded = new Set<string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-x' || arg === '--exclude-task') {
      const task = argv[++i];
      if (!task) throw new ToolExit(1, `Command-line option '${arg}' expects an argument.`);
      excluded.add(task.replace(/^.*:/, ''));
    } else if (arg.startsWith('--console=') || arg.startsWith('--warning-mode=') || /^-[PD]\S+/.test(arg) || SWITCHES.has(arg)) {
      if (arg === '-q' || arg === '--quiet') quiet = true;
    } else if (arg.startsWith('-')) {
      throw new ToolExit(1, `\nUnknown command-line option '${arg}'.\n\nUSAGE: gradlew [option...] [task...]`);
    } else {
      const parts = arg.replace(/^:/, '').split(':');
      const task = parts.pop() as string;
      const module = parts.join('/');
      if (module && !build.modules.includes(module)) {
        throw failure(`Project '${module}' not found in root project '${build.name}'.`, '> Run gradlew projects to get a list of available projects.');
      }
      if (!TASKS.includes(task)) {
        throw failure(
          `Task '${task}' not found in ${module ? `project ':${module}'` : `root project '${build.name}'`}.`,
          '> Run gradlew tasks to get a list of available tasks.',
        );
      }
      // An unqualified task runs in every project, like Gradle's task selection.
      for (const m of module ? [module] : build.modules) requested.push({ module: m, task });
    }
  }
  return { requested, excluded, quiet };
}

/**
 * What the kernel and shell make of the repository's `gradlew` before Gradle starts: missing (127), or
 * a `#!` line ending in CR (a Windows checkout) — the interpreter "sh\r" does not exist.
 */
function checkWrapperScript(root: string): void {
  let first: string;
  try {
    first = readFileSync(path.join(root, 'gradlew'), 'latin1').split('\n', 1)[0] ?? '';
  } catch {
    throw new ToolExit(127, 'sh: 1: ./gradlew: not found');
  }
  if (!first.startsWith('#!') || !first.endsWith('\r')) return;
  const [interpreter, arg] = first.slice(2).trim().split(/\s+/);
  if (interpreter === '/usr/bin/env' && arg) throw new ToolExit(127, `/usr/bin/env: '${arg}\r': No such file or directory`);
  throw new ToolExit(126, `bash: ./gradlew: ${first.slice(2).replace(/\r$/, '^M')}: bad interpreter: No such file or directory`);
}

/** Gradle's own failures for the JDK it runs on (real messages of Gradle 8 / javac / Spring Boot 3). */
function checkJdk(ctx: ToolContext, build: GradleBuild, compiling: boolean): void {
  const version = sandboxJavaVersion(ctx.env);
  const java = javaMajor(version);
  const gradle = wrapperGradleVersion(build.root) ?? '8.10';
  if (!gradleRunsOn(gradle, java)) {
    // Gradle compiles the Groovy build script with a Groovy that cannot read the new class files.
    throw failure(`BUG! exception in phase 'semantic analysis' in source unit '_BuildScript_' Unsupported class file major version ${java + 44}`);
  }
  if (!compiling) return;
  const root = readFileSafe(path.join(build.root, 'build.gradle'));
  const boot = /org\.springframework\.boot['"]\s+version\s+['"](\d+)/.exec(root)?.[1];
  if (boot && Number(boot) >= 3 && java < 17) {
    throw failure(
      `A problem occurred configuring root project '${build.name}'.\n> Could not resolve all artifacts for configuration 'classpath'.\n   > Dependency requires at least JVM runtime version 17. This build uses a Java ${java} JVM.`,
    );
  }
  const target = javaTarget(build.root);
  if (!target || java === target.release || (!target.toolchain && java > target.release)) return;
  const first = build.modules[0] ?? build.name;
  if (target.toolchain) {
    throw failure(
      `Execution failed for task ':${first}:compileJava'.\n> Error while evaluating property 'javaCompiler' of task ':${first}:compileJava'.\n   > Failed to calculate the value of task ':${first}:compileJava' property 'javaCompiler'.\n      > Cannot find a Java installation on your machine matching this tasks requirements: {languageVersion=${target.release}, vendor=any vendor, implementation=vendor-specific} for LINUX on x86_64.\n         > No locally installed toolchains match and toolchain download repositories have not been configured.`,
    );
  }
  ctx.out(`> Task :${first}:compileJava FAILED\n`);
  throw failure(`Execution failed for task ':${first}:compileJava'.\n> error: invalid source release: ${target.release}`);
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const COMPILING = ['build', 'assemble', 'bootJar', 'jar', 'classes', 'compileJava', 'test', 'check'];

async function main(ctx: ToolContext): Promise<void> {
  const root = process.cwd();
  checkWrapperScript(root);
  const build = readSettings(root);
  if (!build) throw failure(`Directory '${root}' does not contain a Gradle build.`);
  const { requested, excluded, quiet } = plan(build, ctx.argv);
  checkJdk(
    ctx,
    build,
    requested.some((r) => COMPILING.includes(r.task) && !excluded.has(r.task)),
  );
  const log = (line: string) => {
    if (!quiet) ctx.out(`${line}\n`);
  };
  const started = Date.now();
  let executed = 0;
  const built = new Set<string>();
  const assemble = (module: string) => {
    if (built.has(module)) return;
    built.add(module);
    for (const dep of projectDeps(build, module)) assemble(dep);
    const jar = jarName(build, module);
    for (const t of ['compileJava', 'processResources', 'classes', jar.boot ? 'bootJar' : 'jar']) log(`> Task :${module}:${t}`);
    const dir = path.join(root, module, 'build', 'libs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, jar.name), `LIFESUB-SANDBOX-JAR\nproject: ${build.name}:${module}\nsources: ${sourceHash(build, module)}\n`);
    executed += 4;
  };
  await ctx.delay('gradleBuild');
  for (const { module, task } of requested) {
    if (excluded.has(task)) continue;
    if (task === 'clean') {
      rmSync(path.join(root, module, 'build'), { recursive: true, force: true });
      built.delete(module);
      log(`> Task :${module}:clean`);
      executed++;
      continue;
    }
    if (['build', 'assemble', 'bootJar', 'jar'].includes(task)) assemble(module);
    if (task === 'build' || task === 'assemble') log(`> Task :${module}:assemble`);
    if (task === 'build' || task === 'check' || task === 'test') {
      if (!excluded.has('test')) log(`> Task :${module}:test`);
      if (task !== 'test' && !excluded.has('check')) log(`> Task :${module}:check`);
    }
    if (task === 'build') log(`> Task :${module}:build`);
    executed++;
  }
  const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
  log(`\nBUILD SUCCESSFUL in ${seconds}s\n${executed} actionable tasks: ${executed} executed`);
}

runTool('gradle', main);
