import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DockerBuild } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { buildArgs } from '../../../src/render/index.js';
import { imageStep, jarsStep, pushStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

let root: string;
let repoDirs: { lifesub: string; 'lifesub-web': string };
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lifesub-build-'));
  repoDirs = { lifesub: join(root, 'lifesub'), 'lifesub-web': join(root, 'lifesub-web') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function touch(...parts: string[]): void {
  const file = join(...parts);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
}
const JARS = ['member/build/libs/member.jar', 'mysub-infra/build/libs/mysub.jar', 'recommend/build/libs/recommend.jar'];
const service = (name: string) => makeContext().settings.config.services.find((s) => s.name === name)!;
const TAG = '1.0.0-0123456789ab';
const imageTags = Object.fromEntries(['member', 'mysub', 'recommend', 'lifesub-web'].map((s) => [s, `alicecr.azurecr.io/lifesub/${s}:${TAG}`]));

describe('jars', () => {
  test('runs one gradle build of the backend modules, streams its lines, checks the jars', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: { repoDirs } });
    fakes.gradle.script.expect('build', [repoDirs.lifesub, [':member:build', ':mysub-infra:build', ':recommend:build']]).does((_args, options) => {
      (options.onLine as (l: string) => void)('BUILD SUCCESSFUL in 42s');
      for (const jar of JARS) touch(repoDirs.lifesub, jar);
    });
    expect(await jarsStep.run(ctx)).toEqual({ message: 'member.jar, mysub.jar, recommend.jar' });
    expect(logs).toContain('BUILD SUCCESSFUL in 42s');
    fakes.verify();
  });

  test('builds only the modules whose image the registry does not have', async () => {
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imagesInRegistry: { member: 'sha256:aa', recommend: 'sha256:bb' } } });
    fakes.gradle.script.expect('build', [repoDirs.lifesub, [':mysub-infra:build']]).does(() => touch(repoDirs.lifesub, JARS[1]!));
    expect(await jarsStep.run(ctx)).toEqual({ message: 'mysub.jar' });
    fakes.verify();
  });

  test('runs no gradle at all when every backend image is in the registry', async () => {
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imagesInRegistry: { member: 'sha256:aa', mysub: 'sha256:cc', recommend: 'sha256:bb' } } });
    expect(await jarsStep.run(ctx)).toEqual({ skipped: 'every backend image is already in the registry' });
    expect(fakes.gradle.script.calls).toEqual([]);
  });

  test('a missing jar after the build fails naming it', async () => {
    const { ctx, fakes } = makeContext({ facts: { repoDirs } });
    fakes.gradle.script.expect('build').does(() => touch(repoDirs.lifesub, JARS[0]!));
    const err = (await jarsStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('mysub-infra/build/libs/mysub.jar is missing');
    expect(err.hint).toBeTruthy();
  });

  test('a gradle failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: { repoDirs } });
    fakes.gradle.script.expect('build').throws(new ToolError('gradle build failed'));
    await expect(jarsStep.run(ctx)).rejects.toThrow('gradle build failed');
  });
});

describe('image', () => {
  test.each([
    ['k8s branch layout', 'deployment/Dockerfile'],
    ['later layout', 'deployment/container/Dockerfile'],
  ])('backend: %s → %s', async (_, dockerfile) => {
    touch(repoDirs.lifesub, dockerfile);
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imageTags } });
    fakes.docker.script
      .expect('build', [
        {
          context: repoDirs.lifesub,
          dockerfile,
          tags: [`alicecr.azurecr.io/lifesub/member:${TAG}`],
          buildArgs: buildArgs(ctx.settings, 'member', dockerfile),
          labels: { 'lifesub.io/id': 'alice' },
        },
      ])
      .returns({ imageId: 'sha256:0123456789abcdef0123' });
    const step = imageStep(service('member'));
    expect(await step.run(ctx)).toEqual({ message: `alicecr.azurecr.io/lifesub/member:${TAG} (0123456789ab)` });
    expect(ctx.facts.images).toEqual({ member: `alicecr.azurecr.io/lifesub/member:${TAG}` });
    fakes.verify();
  });

  test.each([
    ['until March 2025', 'deployment/Dockerfile-lifesub-web'],
    ['since May 2025', 'deployment/container/Dockerfile-lifesub-web'],
  ])('frontend layout %s → %s, needing no address (placeholders; runtime-env.js carries the URLs)', async (_, dockerfile) => {
    touch(repoDirs['lifesub-web'], dockerfile);
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imageTags, images: { member: 'm' } } });
    fakes.docker.script.expect('build').returns({ imageId: 'sha256:abc' });
    const step = imageStep(service('lifesub-web'));
    await step.run(ctx);
    const [build] = fakes.docker.script.argsOf('build')[0] as [DockerBuild];
    expect(build.dockerfile).toBe(dockerfile);
    expect(build.context).toBe(repoDirs['lifesub-web']);
    expect(build.buildArgs).toEqual(buildArgs(ctx.settings, 'lifesub-web', dockerfile));
    expect(build.buildArgs['REACT_APP_MEMBER_URL']).toContain('<ingress-address>');
    expect(ctx.facts.images).toEqual({ member: 'm', 'lifesub-web': `alicecr.azurecr.io/lifesub/lifesub-web:${TAG}` });
  });

  test('builds nothing when the registry already has the content tag', async () => {
    touch(repoDirs.lifesub, 'deployment/Dockerfile');
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imageTags, imagesInRegistry: { member: 'sha256:aa' } } });
    expect(await imageStep(service('member')).run(ctx)).toEqual({ skipped: `alicecr.azurecr.io/lifesub/member:${TAG} is already in the registry` });
    expect(fakes.docker.script.calls).toEqual([]);
  });

  test('no Dockerfile: fails listing every candidate, builds nothing', async () => {
    mkdirSync(repoDirs.lifesub, { recursive: true });
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imageTags } });
    const err = (await imageStep(service('recommend'))
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toContain('looked for deployment/Dockerfile, deployment/container/Dockerfile');
    expect(fakes.docker.script.calls).toEqual([]);
  });

  test('a docker failure propagates', async () => {
    touch(repoDirs.lifesub, 'deployment/Dockerfile');
    const { ctx, fakes } = makeContext({ facts: { repoDirs, imageTags } });
    fakes.docker.script.expect('build').throws(new ToolError('docker build failed'));
    await expect(imageStep(service('member')).run(ctx)).rejects.toThrow('docker build failed');
    expect(ctx.facts.images).toBeUndefined();
  });
});

describe('push', () => {
  test('pushes the built image and reports the digest', async () => {
    const ref = 'alicecr.azurecr.io/lifesub/mysub:1.0.0';
    const { ctx, fakes } = makeContext({ facts: { images: { mysub: ref } } });
    fakes.docker.script.expect('push', [ref]).returns({ digest: 'sha256:feed' });
    const step = pushStep(service('mysub'));
    expect(await step.run(ctx)).toEqual({ message: `${ref}@sha256:feed` });
    // What gets deployed is the digest, so a rebuilt image rolls out and an unchanged one does not.
    expect(ctx.facts.images?.mysub).toBe(`${ref}@sha256:feed`);
    fakes.verify();
  });

  test("pushes nothing when the registry has the image, and deploys it by the registry's digest", async () => {
    const { ctx, fakes } = makeContext({ facts: { imageTags, imagesInRegistry: { mysub: 'sha256:feed' } } });
    expect(await pushStep(service('mysub')).run(ctx)).toEqual({ skipped: `already in the registry (${imageTags.mysub}@sha256:feed)` });
    expect(ctx.facts.images?.mysub).toBe(`${imageTags.mysub}@sha256:feed`);
    expect(fakes.docker.script.calls).toEqual([]);
  });

  test('keeps the tag when the tool reports no digest', async () => {
    const ref = 'alicecr.azurecr.io/lifesub/mysub:1.0.0';
    const { ctx, fakes } = makeContext({ facts: { images: { mysub: ref } } });
    fakes.docker.script.expect('push', [ref]).returns({});
    await pushStep(service('mysub')).run(ctx);
    expect(ctx.facts.images?.mysub).toBe(ref);
  });

  test('a push failure propagates', async () => {
    const { ctx, fakes } = makeContext({ facts: { images: { mysub: 'x' } } });
    fakes.docker.script.expect('push').throws(new ToolError('denied: requested access to the resource is denied'));
    await expect(pushStep(service('mysub')).run(ctx)).rejects.toThrow('denied');
  });
});
