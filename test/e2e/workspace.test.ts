// `up --sandbox --workspace DIR` with clones the user made: the sandbox builds them with its own Gradle
// and JDK (a real ./gradlew would download Gradle and write ~/.gradle), writes nothing outside
// $LIFESUB_HOME and the workspace, warns about (or with --strict refuses) clones that differ from the
// lab's, and names a CRLF gradlew and an unfit JDK before any build.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shimDir } from '../../src/sandbox/package-root.js';
import { assertBuilt, explain, freshHome, killAllCli, removeHome, summaryOf, type CliResult } from '../support/cli.js';
import { realFailures, runUp, statusTable } from './helpers/expect-run.js';

const dirs: string[] = [];
const temp = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `lifesub-ws-${label}-`));
  dirs.push(dir);
  return dir;
};

beforeAll(() => assertBuilt());
afterAll(() => {
  killAllCli();
  for (const d of dirs) removeHome(d);
});

/** Both lab repositories cloned by the user (here with the sandbox git, as `git clone` would). */
async function userClones(label: string): Promise<string> {
  const ws = temp(label);
  const env = { PATH: `${shimDir}:${process.env.PATH ?? ''}`, LIFESUB_SANDBOX_PROFILE: 'fast', LIFESUB_SANDBOX_FAULTS: '' };
  await execa('git', ['clone', '-b', 'k8s', 'https://github.com/cna-bootcamp/lifesub.git', join(ws, 'lifesub')], { env });
  await execa('git', ['clone', 'https://github.com/cna-bootcamp/lifesub-web.git', join(ws, 'lifesub-web')], { env });
  return ws;
}

/**
 * Replaces gradlew with what the real wrapper does first (write under ~/.gradle) and commits it, so
 * the clone is clean: it must never run. With crlf, the file is checked out the way Windows git does.
 */
async function trapWrapper(ws: string, crlf = false): Promise<void> {
  const eol = crlf ? '\r\n' : '\n';
  const repo = join(ws, 'lifesub');
  const file = join(repo, 'gradlew');
  writeFileSync(file, ['#!/bin/sh', 'mkdir -p "$HOME/.gradle/wrapper/dists"', 'touch "$HOME/.gradle/wrapper/dists/real-gradlew-ran"', 'exit 0', ''].join(eol));
  chmodSync(file, 0o755);
  const who = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
  await execa('git', ['-C', repo, '-c', 'core.autocrlf=false', 'commit', '-q', '-am', 'wrapper'], { env: who });
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? [`${prefix}${e.name}/`, ...walk(join(dir, e.name), `${prefix}${e.name}/`)] : [`${prefix}${e.name}`],
  );
}

function reposMessage(r: CliResult): string {
  const events = r.events.filter((e) => e.type === 'step' && e.step === 'repos' && typeof e.message === 'string');
  return String(events.at(-1)?.message ?? '');
}

describe("up --sandbox --workspace with the user's own clones", () => {
  let ws: string;
  let home: string;
  let userHome: string;
  const env = () => ({
    LIFESUB_HOME: home,
    HOME: userHome,
    XDG_CONFIG_HOME: undefined,
    XDG_CACHE_HOME: undefined,
    XDG_DATA_HOME: undefined,
    GRADLE_USER_HOME: undefined,
  });

  beforeAll(async () => {
    ws = await userClones('own');
    await trapWrapper(ws);
    home = temp('home');
    userHome = temp('user-home');
    mkdirSync(userHome, { recursive: true });
  });

  it('builds with the sandbox Gradle, leaves HOME empty and says where it writes, once', async () => {
    const r = await runUp('wsown', { env: env(), timeoutMs: 90_000 }, '--workspace', ws);
    expect(r.code, explain(r)).toBe(0);
    expect(walk(userHome), 'a sandbox run writes nothing under HOME').toEqual([]);
    for (const jar of ['member/build/libs/member.jar', 'mysub-infra/build/libs/mysub.jar', 'recommend/build/libs/recommend.jar']) {
      expect(readFileSync(join(ws, 'lifesub', jar), 'utf8')).toContain('LIFESUB-SANDBOX-JAR');
    }
    const said = r.stderr.split('\n').filter((l) => l.startsWith('SANDBOX: writes only under'));
    expect(said).toEqual([
      `SANDBOX: writes only under ${home} and the workspace ${ws}; Gradle and the JDK are simulated (no ./gradlew runs, nothing is downloaded)`,
    ]);
    // The lab tracks build output (common/build/…) that the build just rewrote: that is not a user change.
    expect(reposMessage(r)).not.toMatch(/warning/);
  }, 100_000);

  it('a clone with uncommitted changes is deployed with a warning in the summary; --strict refuses it', async () => {
    writeFileSync(join(ws, 'lifesub-web', 'src', 'App.js'), 'export default function App() { return null; }\n');
    const warned = await runUp('wsown', { env: env(), timeoutMs: 90_000 }, '--workspace', ws);
    expect(warned.code, explain(warned)).toBe(0);
    expect(reposMessage(warned)).toContain('warning: lifesub-web has 1 uncommitted change (src/App.js); deployed as it is');

    const strict = await runUp('wsown', { env: env(), timeoutMs: 90_000 }, '--workspace', ws, '--strict');
    expect(strict.code, explain(strict)).toBe(1);
    const summary = summaryOf(strict);
    expect(summary.error?.step).toBe('repos');
    expect(summary.error?.message).toContain('lifesub-web has 1 uncommitted change (src/App.js)');
    expect(summary.error?.hint).toContain(`git -C ${join(ws, 'lifesub-web')} stash`);
    // Never changed: the user's edit is still there.
    expect(readFileSync(join(ws, 'lifesub-web', 'src', 'App.js'), 'utf8')).toContain('return null');
    expect(walk(userHome)).toEqual([]);
  }, 200_000);
});

describe.concurrent('broken toolchains are named before Gradle runs', () => {
  it('a gradlew with CRLF line endings fails jars naming CRLF and the fix', async () => {
    const ws = await userClones('crlf');
    await trapWrapper(ws, true);
    const r = await runUp('wscrlf', { env: { LIFESUB_HOME: temp('crlf-home') }, timeoutMs: 90_000 }, '--workspace', ws);
    expect(r.code, explain(r)).toBe(1);
    const [failure] = realFailures(r);
    expect(failure?.step, explain(r)).toBe('jars');
    expect(failure?.message).toContain('Windows (CRLF) line endings');
    expect(summaryOf(r).error?.hint).toContain("sed -i 's/\\r$//'");
    expect(statusTable(r)['image:member']).not.toBe('done');
  }, 100_000);

  it('a JDK 17 fails preflight before anything runs, naming found vs needed and how to fix', async () => {
    const ws = await userClones('jdk');
    const r = await runUp('wsjdk', { env: { LIFESUB_HOME: temp('jdk-home'), LIFESUB_SANDBOX_JAVA_VERSION: '17.0.9' }, timeoutMs: 90_000 }, '--workspace', ws);
    expect(r.code, explain(r)).toBe(1);
    const [failure] = realFailures(r);
    expect(failure?.step, explain(r)).toBe('preflight');
    expect(failure?.message).toContain('the JDK is 17.0.9');
    expect(failure?.message).toContain("needs Java 21 (sourceCompatibility = '21')");
    expect(summaryOf(r).error?.hint).toMatch(/install JDK 21.*JAVA_HOME/);
    expect(readdirSync(join(ws, 'lifesub', 'member')).includes('build'), 'Gradle never ran').toBe(false);
  }, 100_000);
});
