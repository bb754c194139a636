import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildArgs } from '../../../src/render/index.js';
import { inputDigest } from '../../../src/steps/build-inputs.js';
import { imageTagsStep } from '../../../src/steps/index.js';
import { makeContext, testSettings } from '../../fakes/context.js';

const settings = testSettings();
const service = (name: string) => settings.config.services.find((s) => s.name === name)!;
let root: string;
let repoDirs: { lifesub: string; 'lifesub-web': string };

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lifesub-tags-'));
  repoDirs = { lifesub: join(root, 'lifesub'), 'lifesub-web': join(root, 'lifesub-web') };
  write(join(repoDirs.lifesub, 'deployment', 'Dockerfile'), 'FROM eclipse-temurin:21-jre\n');
  write(join(repoDirs.lifesub, 'settings.gradle'), "include 'member', 'mysub-infra', 'recommend'\n");
  for (const m of ['member', 'mysub-infra', 'recommend']) write(join(repoDirs.lifesub, m, 'src', 'main', 'App.java'), `class ${m.replace('-', '')} {}\n`);
  write(join(repoDirs['lifesub-web'], 'deployment', 'container', 'Dockerfile-lifesub-web'), 'FROM node:20\n');
  write(join(repoDirs['lifesub-web'], 'src', 'App.js'), 'export default 1;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const digests = async (): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const name of ['member', 'mysub', 'recommend', 'lifesub-web']) {
    const s = service(name);
    const dockerfile = s.kind === 'frontend' ? 'deployment/container/Dockerfile-lifesub-web' : 'deployment/Dockerfile';
    out[name] = await inputDigest(settings, s, repoDirs[s.repo], buildArgs(settings, name, dockerfile), new AbortController().signal);
  }
  return out;
};

describe('input digests', () => {
  test('are stable, and a change in one backend module changes only that backend', async () => {
    const before = await digests();
    expect(await digests()).toEqual(before);
    for (const d of Object.values(before)) expect(d).toMatch(/^[0-9a-f]{12}$/);
    write(join(repoDirs.lifesub, 'member', 'src', 'main', 'App.java'), 'class member { int changed; }\n');
    const after = await digests();
    expect(after.member).not.toBe(before.member);
    expect({ ...after, member: before.member }).toEqual(before);
  });

  test('build outputs and VCS data are not inputs; a shared file (the Dockerfile) is an input of every backend', async () => {
    const before = await digests();
    write(join(repoDirs.lifesub, 'member', 'build', 'libs', 'member.jar'), 'jar bytes');
    write(join(repoDirs.lifesub, '.git', 'HEAD'), 'ref: refs/heads/k8s\n');
    write(join(repoDirs['lifesub-web'], 'node_modules', 'x', 'index.js'), '1');
    expect(await digests()).toEqual(before);
    write(join(repoDirs.lifesub, 'deployment', 'Dockerfile'), 'FROM eclipse-temurin:17-jre\n');
    const after = await digests();
    for (const b of ['member', 'mysub', 'recommend']) expect(after[b]).not.toBe(before[b]);
    expect(after['lifesub-web']).toBe(before['lifesub-web']);
  });
});

describe('image-tags', () => {
  test('tags each image with its input digest and records which ones the registry already has', async () => {
    const credential = { loginServer: 'alicecr.azurecr.io', username: 'alicecr', method: 'admin' as const };
    const { ctx, fakes } = makeContext({ facts: { repoDirs, registryLogin: credential, registryPassword: 'pw' } });
    fakes.registry.script.expect('manifestDigest', (args) => args[1] === 'lifesub/member').returns('sha256:aaa');
    fakes.registry.script.expect('manifestDigest').returns(undefined).times(3);
    const outcome = await imageTagsStep.run(ctx);
    const expected = await digests();
    for (const [name, digest] of Object.entries(expected)) expect(ctx.facts.imageTags?.[name]).toBe(`alicecr.azurecr.io/lifesub/${name}:1.0.0-${digest}`);
    expect(ctx.facts.imagesInRegistry).toEqual({ member: 'sha256:aaa' });
    expect(outcome).toEqual({ message: 'to build: mysub, recommend, lifesub-web' });
    const asked = fakes.registry.script.calls.map((c) => c.args);
    expect(asked).toContainEqual(['alicecr.azurecr.io', 'lifesub/mysub', `1.0.0-${expected.mysub}`]);
    fakes.verify();
  });
});
