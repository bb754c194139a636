import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sandboxGradlew } from '../../../../src/sandbox/package-root.js';
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

  test('clones lifesub-web as lab variant B by default and as variant A on request', async () => {
    const b = path.join(sb.root, 'web-b');
    expect((await git(['clone', WEB, b])).exitCode).toBe(0);
    expect(existsSync(path.join(b, 'deployment/container/Dockerfile-lifesub-web'))).toBe(true);
    expect(existsSync(path.join(b, 'deployment/container/nginx.conf'))).toBe(true);
    expect(existsSync(path.join(b, 'deployment/Dockerfile-lifesub-web'))).toBe(false);
    const apiB = readFileSync(path.join(b, 'src/services/api.js'), 'utf8');
    // The exact first lines the product (and other tools) read the URL convention from.
    expect(apiB).toContain("const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';\n");
    expect(apiB).toContain("const MYSUB_URL = window.__runtime_config__.MYSUB_URL || 'http://localhost:8082/api/mysub';\n");
    expect(apiB).toContain("const RECOMMEND_URL = window.__runtime_config__.RECOMMEND_URL || 'http://localhost:8083/api/recommend';\n");
    expect(apiB).toContain("memberApi.post('/login', loginRequest)");
    expect(apiB).toContain("mysubApi.get('/categories')");
    expect((await git(['-C', b, 'log', '-1', '--format=%ad', '--date=short'])).stdout).toBe('2025-05-30');

    const a = path.join(sb.root, 'web-a');
    expect((await git(['clone', '--branch', 'main', WEB, a], { LIFESUB_SANDBOX_LAB_VARIANT: 'A' })).exitCode).toBe(0);
    const dockerfile = readFileSync(path.join(a, 'deployment/Dockerfile-lifesub-web'), 'utf8');
    for (const arg of ['PROJECT_FOLDER', 'REACT_APP_MEMBER_URL', 'REACT_APP_MYSUB_URL', 'REACT_APP_RECOMMEND_URL', 'BUILD_FOLDER', 'EXPORT_PORT'])
      expect(dockerfile).toContain(`ARG ${arg}`);
    expect(dockerfile).toContain('COPY ${BUILD_FOLDER}/nginx.conf');
    expect(dockerfile).toMatch(
      /RUN echo "window.__runtime_config__ = \{[\s\S]*MEMBER_URL: '\$\{REACT_APP_MEMBER_URL\}'[\s\S]*> \/usr\/share\/nginx\/html\/runtime-env.js/,
    );
    const nginx = readFileSync(path.join(a, 'deployment/nginx.conf'), 'utf8');
    expect(nginx).toContain('listen 18080;');
    expect(nginx).toContain('location /health');
    expect(nginx).toMatch(/\\\.\(jpg\|jpeg\|png\|gif\|ico\|css\|js\)\$ \{\s*expires 1y;/);
    const apiA = readFileSync(path.join(a, 'src/services/api.js'), 'utf8');
    expect(apiA).toContain("const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081';\n");
    expect(apiA).toContain("memberApi.post('/api/auth/login', loginRequest)");
    expect(apiA).toContain("mysubApi.get('/api/mysub/categories')");
    expect(readFileSync(path.join(a, 'public/runtime-env.js'), 'utf8')).toContain("MEMBER_URL: 'http://localhost:8081',");
    expect((await git(['-C', a, 'log', '-1', '--format=%ad', '--date=short'])).stdout).toBe('2025-03-03');

    // The older variable still works: 2025-03 is variant A.
    const legacy = path.join(sb.root, 'web-legacy');
    await git(['clone', WEB, legacy], { LIFESUB_SANDBOX_WEB_LAYOUT: '2025-03' });
    expect(existsSync(path.join(legacy, 'deployment/nginx.conf'))).toBe(true);
  });

  test('the docker build of either variant fails where the real one would', async () => {
    const docker = (dir: string, args: string[]) => shim('docker', args, { env: sb.env, cwd: dir });
    const args = (folder: string) => [
      '--build-arg',
      'PROJECT_FOLDER=.',
      '--build-arg',
      'REACT_APP_MEMBER_URL=http://x/member',
      '--build-arg',
      'REACT_APP_MYSUB_URL=http://x/mysub',
      '--build-arg',
      'REACT_APP_RECOMMEND_URL=http://x/recommend',
      '--build-arg',
      `BUILD_FOLDER=${folder}`,
      '--build-arg',
      'EXPORT_PORT=18080',
    ];
    const a = path.join(sb.root, 'web-a');
    const b = path.join(sb.root, 'web-b');
    expect((await docker(a, ['build', '-f', 'deployment/Dockerfile-lifesub-web', ...args('deployment'), '-t', 'web:a', '.'])).exitCode).toBe(0);
    expect(
      (await docker(b, ['build', '-f', 'deployment/container/Dockerfile-lifesub-web', ...args('deployment/container'), '-t', 'web:b', '.'])).exitCode,
    ).toBe(0);
    // The guide's command on today's repository: no such Dockerfile.
    const guideOnB = await docker(b, ['build', '-f', 'deployment/Dockerfile-lifesub-web', ...args('deployment'), '-t', 'web:x', '.']);
    expect(guideOnB.exitCode).toBe(1);
    expect(guideOnB.stderr).toContain('failed to read dockerfile');
    // The right Dockerfile with the guide's BUILD_FOLDER: nginx.conf is not there.
    const wrongFolder = await docker(b, ['build', '-f', 'deployment/container/Dockerfile-lifesub-web', ...args('deployment'), '-t', 'web:y', '.']);
    expect(wrongFolder.exitCode).toBe(1);
    expect(wrongFolder.stderr).toContain('"/deployment/nginx.conf": not found');
    // A missing ARG is empty, as in BuildKit: fatal where a COPY needs it, harmless where only a RUN uses it.
    const without = (name: string) =>
      args('deployment/container').filter((a, i, all) => !a.startsWith(`${name}=`) && !(a === '--build-arg' && all[i + 1]?.startsWith(`${name}=`)));
    const noFolder = await docker(b, ['build', '-f', 'deployment/container/Dockerfile-lifesub-web', ...without('BUILD_FOLDER'), '-t', 'web:z', '.']);
    expect(noFolder.exitCode).toBe(1);
    expect(noFolder.stderr).toContain('"/nginx.conf": not found');
    const noUrl = await docker(b, ['build', '-f', 'deployment/container/Dockerfile-lifesub-web', ...without('REACT_APP_MEMBER_URL'), '-t', 'web:w', '.']);
    expect(noUrl.exitCode, noUrl.stderr).toBe(0);
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

describe('sandbox Gradle on any clone (lifesub runs it instead of ./gradlew) and the sandbox JDK', () => {
  const TASKS = [':member:build', ':mysub-infra:build', ':recommend:build', '-x', 'test', '--console=plain'];

  test("builds from settings.gradle without running the repository's gradlew; plain jars are named like Gradle names them", async () => {
    const dir = path.join(sb.root, 'any-clone');
    await git(['clone', '--branch', 'k8s', LIFESUB, dir]);
    // A gradlew that would be the real wrapper: if it ran, the marker would appear.
    writeFileSync(path.join(dir, 'gradlew'), `#!/bin/sh\ntouch "${path.join(sb.root, 'real-gradlew-ran')}"\n`);
    const res = await shim(sandboxGradlew, TASKS, { env: sb.env, cwd: dir });
    expect(res.exitCode).toBe(0);
    expect(existsSync(path.join(sb.root, 'real-gradlew-ran'))).toBe(false);
    for (const jar of [
      'member/build/libs/member.jar',
      'mysub-infra/build/libs/mysub.jar',
      'recommend/build/libs/recommend.jar',
      'common/build/libs/common-1.0.0-plain.jar',
    ]) {
      expect(existsSync(path.join(dir, jar))).toBe(true);
    }
  });

  test('a gradlew with CRLF line endings fails as the shell reports it', async () => {
    const dir = path.join(sb.root, 'crlf-clone');
    await git(['clone', '--branch', 'k8s', LIFESUB, dir]);
    writeFileSync(path.join(dir, 'gradlew'), '#!/usr/bin/env bash\r\necho hi\r\n');
    const env = await shim(sandboxGradlew, TASKS, { env: sb.env, cwd: dir });
    expect(env.exitCode).toBe(127);
    expect(env.stderr).toContain("/usr/bin/env: 'bash\r': No such file or directory");
    writeFileSync(path.join(dir, 'gradlew'), '#!/bin/sh\r\necho hi\r\n');
    const sh = await shim(sandboxGradlew, TASKS, { env: sb.env, cwd: dir });
    expect(sh.exitCode).toBe(126);
    expect(sh.stderr).toContain('/bin/sh^M: bad interpreter: No such file or directory');
  });

  test('the JDK knob: java -version reports it; Gradle fails as it does on a too old or too new JDK', async () => {
    const dir = path.join(sb.root, 'jdk-clone');
    await git(['clone', '--branch', 'k8s', LIFESUB, dir]);
    const withJava = (version: string) => ({ ...sb.env, LIFESUB_SANDBOX_JAVA_VERSION: version });
    const java = await shim('java', ['-version'], { env: withJava('17.0.9'), cwd: dir });
    expect(java.stderr).toMatch(/^openjdk version "17\.0\.9"/);
    expect((await shim('java', ['-version'], { env: sb.env, cwd: dir })).stderr).toMatch(/^openjdk version "21\./);

    const old = await shim(sandboxGradlew, TASKS, { env: withJava('17.0.9'), cwd: dir });
    expect(old.exitCode).toBe(1);
    expect(old.stderr).toContain("Execution failed for task ':common:compileJava'.\n> error: invalid source release: 21");
    const ancient = await shim(sandboxGradlew, TASKS, { env: withJava('11.0.21'), cwd: dir });
    expect(ancient.stderr).toContain('Dependency requires at least JVM runtime version 17. This build uses a Java 11 JVM.');
    const tooNew = await shim(sandboxGradlew, TASKS, { env: withJava('25'), cwd: dir });
    expect(tooNew.stderr).toContain('Unsupported class file major version 69');
    expect((await shim(sandboxGradlew, TASKS, { env: withJava('23.0.1'), cwd: dir })).exitCode).toBe(0);
  });
});
