import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shim, tempSandbox, type TempSandbox } from './harness.js';

let sb: TempSandbox;
beforeAll(() => {
  sb = tempSandbox();
});
afterAll(() => sb.cleanup());

const LIFESUB = 'https://github.com/cna-bootcamp/lifesub.git';
const WEB = 'https://github.com/cna-bootcamp/lifesub-web.git';
const git = (args: string[], env: Record<string, string> = {}) => shim('git', args, { env: { ...sb.env, ...env }, cwd: sb.root });

describe('git shim', () => {
  test('clones lifesub (branch k8s) as a real repository with the lab layout, deterministically', async () => {
    const dir = path.join(sb.root, 'lifesub');
    const res = await git(['clone', '--branch', 'k8s', '--single-branch', LIFESUB, dir]);
    expect(res.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'settings.gradle'), 'utf8')).toMatch(/include 'common'[\s\S]*include 'mysub-infra'[\s\S]*include 'recommend'/);
    expect(readFileSync(path.join(dir, 'deployment/Dockerfile'), 'utf8')).toContain('COPY ${BUILD_LIB_DIR}/${ARTIFACTORY_FILE} app.jar');
    accessSync(path.join(dir, 'gradlew'), constants.X_OK);
    const head = await git(['-C', dir, 'rev-parse', 'HEAD']);
    const branch = await git(['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD']);
    expect(branch.stdout).toBe('k8s');
    const again = path.join(sb.root, 'lifesub-again');
    await git(['clone', '--branch', 'k8s', '--single-branch', LIFESUB, again]);
    expect((await git(['-C', again, 'rev-parse', 'HEAD'])).stdout).toBe(head.stdout);

    const main = path.join(sb.root, 'lifesub-main');
    await git(['clone', '--branch', 'main', LIFESUB, main]);
    expect(existsSync(path.join(main, 'deployment/container/Dockerfile'))).toBe(true);
    expect(existsSync(path.join(main, 'deployment/Dockerfile'))).toBe(false);
  });

  test('clones lifesub-web in both layouts', async () => {
    const newer = path.join(sb.root, 'web-new');
    expect((await git(['clone', '--branch', 'main', '--single-branch', WEB, newer])).exitCode).toBe(0);
    expect(existsSync(path.join(newer, 'deployment/container/Dockerfile-lifesub-web'))).toBe(true);
    expect(existsSync(path.join(newer, 'deployment/container/nginx.conf'))).toBe(true);
    const older = path.join(sb.root, 'web-old');
    expect((await git(['clone', '--branch', 'main', WEB, older], { LIFESUB_SANDBOX_WEB_LAYOUT: '2025-03' })).exitCode).toBe(0);
    const dockerfile = readFileSync(path.join(older, 'deployment/Dockerfile-lifesub-web'), 'utf8');
    for (const arg of ['PROJECT_FOLDER', 'REACT_APP_MEMBER_URL', 'REACT_APP_MYSUB_URL', 'REACT_APP_RECOMMEND_URL', 'BUILD_FOLDER', 'EXPORT_PORT']) expect(dockerfile).toContain(`ARG ${arg}`);
    expect(existsSync(path.join(older, 'deployment/nginx.conf'))).toBe(true);
    expect(existsSync(path.join(older, 'package.json'))).toBe(true);
  });

  test('unknown repositories, branches and non-empty destinations fail like git', async () => {
    const unknown = await git(['clone', '--branch', 'main', 'https://github.com/cna-bootcamp/nope.git', path.join(sb.root, 'nope')]);
    expect(unknown.exitCode).toBe(128);
    expect(unknown.stderr).toContain("fatal: repository 'https://github.com/cna-bootcamp/nope.git/' not found");
    const branch = await git(['clone', '--branch', 'nope', LIFESUB, path.join(sb.root, 'nobranch')]);
    expect(branch.exitCode).toBe(128);
    expect(branch.stderr).toContain('Remote branch nope not found in upstream origin');
    const exists = await git(['clone', '--branch', 'k8s', LIFESUB, path.join(sb.root, 'lifesub')]);
    expect(exists.exitCode).toBe(128);
    expect(exists.stderr).toContain('already exists and is not an empty directory');
  });
});

describe('sandbox gradlew', () => {
  test('builds the bootJars deterministically and rejects unknown modules', async () => {
    const dir = path.join(sb.root, 'gradle-repo');
    await git(['clone', '--branch', 'k8s', LIFESUB, dir]);
    const gradlew = (args: string[]) => shim('./gradlew', args, { env: sb.env, cwd: dir });
    const res = await gradlew([':member:clean', ':member:build', ':mysub-infra:build', ':recommend:build', '-x', 'test', '--console=plain']);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toMatch(/BUILD SUCCESSFUL in \d+s/);
    const jars = ['member/build/libs/member.jar', 'mysub-infra/build/libs/mysub.jar', 'recommend/build/libs/recommend.jar'].map((j) => path.join(dir, j));
    const before = jars.map((j) => readFileSync(j, 'utf8'));
    await gradlew([':member:clean', ':member:build', '-x', 'test']);
    expect(readFileSync(jars[0]!, 'utf8')).toBe(before[0]);
    expect(new Set(before).size).toBe(3);

    const unknown = await gradlew([':nope:build', '-x', 'test']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain("Project 'nope' not found in root project 'lifesub'.");
    const option = await gradlew(['--bogus']);
    expect(option.exitCode).toBe(1);
    expect(option.stderr).toContain("Unknown command-line option '--bogus'.");
  });
});
