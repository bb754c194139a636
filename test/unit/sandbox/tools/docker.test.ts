import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RegistryStore, StoreImageCatalog, startRegistryServer, type RegistryServerHandle } from '../../../../src/sandbox/registry/index.js';
import { shim, tempSandbox, type TempSandbox } from './harness.js';

const DOCKERFILE =
  'FROM openjdk:23-oraclelinux8 AS builder\nARG BUILD_LIB_DIR\nARG ARTIFACTORY_FILE\nCOPY ${BUILD_LIB_DIR}/${ARTIFACTORY_FILE} app.jar\n\nFROM openjdk:23-slim\nCOPY --from=builder app.jar app.jar\n';
const TAG = 'democr.azurecr.io/lifesub/member:1.0.0';

let store: RegistryStore;
let registry: RegistryServerHandle;
let sb: TempSandbox;
let repo: string;

beforeAll(async () => {
  store = RegistryStore.load();
  store.ensure('democr');
  registry = await startRegistryServer({ store });
  sb = tempSandbox();
  sb.env.LIFESUB_SANDBOX_REGISTRY = registry.url;
  repo = path.join(sb.root, 'lifesub');
  mkdirSync(path.join(repo, 'deployment'), { recursive: true });
  mkdirSync(path.join(repo, 'member/build/libs'), { recursive: true });
  writeFileSync(path.join(repo, 'deployment/Dockerfile'), DOCKERFILE);
  writeFileSync(path.join(repo, 'member/build/libs/member.jar'), 'jar v1');
});
afterAll(async () => {
  await registry.close();
  sb.cleanup();
});

const docker = (args: string[], input?: string) => shim('docker', args, { env: sb.env, input, cwd: repo });
const buildArgs = (jar = 'member.jar') => ['--build-arg', 'BUILD_LIB_DIR=member/build/libs', '--build-arg', `ARTIFACTORY_FILE=${jar}`];

describe('docker shim: build', () => {
  test('builds, writes --iidfile, and the ID depends only on the inputs', async () => {
    const iid = path.join(sb.root, 'iid');
    const first = await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs(), '-t', TAG, '.', '--iidfile', iid]);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain(`naming to ${TAG} done`);
    const id = readFileSync(iid, 'utf8');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs(), '-t', TAG, '.', '--iidfile', iid]);
    expect(readFileSync(iid, 'utf8')).toBe(id);
    writeFileSync(path.join(repo, 'member/build/libs/member.jar'), 'jar v2');
    await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs(), '-t', TAG, '.', '--iidfile', iid]);
    expect(readFileSync(iid, 'utf8')).not.toBe(id);
  });

  test('fails like BuildKit: missing Dockerfile, missing ARG, missing jar, unknown flag', async () => {
    const noFile = await docker(['build', '-f', 'deployment/container/Dockerfile', ...buildArgs(), '-t', TAG, '.']);
    expect(noFile.exitCode).toBe(1);
    expect(noFile.stderr).toContain('failed to read dockerfile: open deployment/container/Dockerfile: no such file or directory');
    // An ARG that was not passed is empty (BuildKit does not refuse it): the COPY then misses its source.
    const noArg = await docker(['build', '-f', 'deployment/Dockerfile', '--build-arg', 'ARTIFACTORY_FILE=member.jar', '-t', TAG, '.']);
    expect(noArg.exitCode).toBe(1);
    expect(noArg.stderr).toContain('"/member.jar": not found');
    const noJar = await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs('missing.jar'), '-t', TAG, '.']);
    expect(noJar.exitCode).toBe(1);
    expect(noJar.stderr).toContain('"/member/build/libs/missing.jar": not found');
    const flag = await docker(['build', '--foo', '.']);
    expect(flag.exitCode).toBe(1);
    expect(flag.stderr).toMatch(/^unknown flag: --foo/);
    const badTag = await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs(), '-t', 'democr.azurecr.io/LifeSub/member:1.0.0', '.']);
    expect(badTag.stderr).toContain('must be lowercase');
  });
});

describe('docker shim: login and push', () => {
  test('push needs a login and a local image; a wrong password never shows up in the output', async () => {
    await docker(['build', '-f', 'deployment/Dockerfile', ...buildArgs(), '-t', TAG, '.']);
    const anonymous = await docker(['push', TAG]);
    expect(anonymous.exitCode).toBe(1);
    expect(anonymous.stderr).toContain('unauthorized: authentication required');

    const wrong = await docker(['login', 'democr.azurecr.io', '-u', 'democr', '--password-stdin'], 'not-the-password-123\n');
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('Error response from daemon');
    expect(wrong.stderr).toContain('unauthorized');
    expect(wrong.stdout + wrong.stderr).not.toContain('not-the-password-123');

    const password = store.get('democr')!.passwords[0];
    const ok = await docker(['login', 'democr.azurecr.io', '-u', 'democr', '--password-stdin'], `${password}\n`);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('Login Succeeded');
    expect(ok.stdout + ok.stderr).not.toContain(password);

    const catalog = new StoreImageCatalog(store);
    expect(catalog.hasImage(TAG)).toBe(false);
    const pushed = await docker(['push', TAG]);
    expect(pushed.exitCode).toBe(0);
    const digest = /1\.0\.0: digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(pushed.stdout)?.[1];
    expect(digest).toBeDefined();
    expect(catalog.hasImage(TAG)).toBe(true);
    expect(catalog.hasImage(`democr.azurecr.io/lifesub/member@${digest}`)).toBe(true);

    const notBuilt = await docker(['push', 'democr.azurecr.io/lifesub/recommend:1.0.0']);
    expect(notBuilt).toMatchObject({ exitCode: 1, stderr: 'An image does not exist locally with the tag: democr.azurecr.io/lifesub/recommend' });
    const otherHost = await docker(['login', 'othercr.azurecr.io', '-u', 'x', '--password-stdin'], 'y\n');
    expect(otherHost.stderr).toContain('no such host');
  });
});

describe('docker shim: version', () => {
  test('--format answers the engine version, as `docker version --format {{.Server.Version}}` does', async () => {
    const r = await docker(['version', '--format', '{{.Server.Version}}']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('27.5.1');
  });
});
