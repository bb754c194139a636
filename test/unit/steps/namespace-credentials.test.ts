import { describe, expect, test } from 'vitest';
import { ToolError, UserError } from '../../../src/core/errors.js';
import { generateCredentials, renderCredentialsSecret, renderNamespace } from '../../../src/render/index.js';
import { credentialsStep, namespaceStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const labelled = { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' };

describe('namespace', () => {
  test('applies the rendered namespace when absent', async () => {
    const { ctx, fakes } = makeContext();
    expect(await namespaceStep.run(ctx)).toEqual({ message: 'alice-lifesub-ns created' });
    expect(fakes.kube.calls).toEqual(['get Namespace alice-lifesub-ns', 'apply Namespace alice-lifesub-ns']);
    expect(fakes.kube.find('Namespace', 'alice-lifesub-ns')?.metadata.labels).toEqual(renderNamespace(ctx.settings).metadata.labels);
    fakes.verify();
  });

  test('re-applies its own namespace', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns', labels: labelled } });
    expect(await namespaceStep.run(ctx)).toEqual({ message: 'alice-lifesub-ns (existing)' });
    fakes.verify();
  });

  test.each([
    ['unlabelled', undefined],
    ['labelled for another id', { ...labelled, 'lifesub.io/id': 'bob' }],
  ])('refuses a namespace that is %s', async (_, labels) => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns', ...(labels ? { labels } : {}) } });
    const err = await namespaceStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('namespace alice-lifesub-ns exists but was not created by lifesub for id alice');
    expect((err as UserError).hint).toMatch(/--id/);
    expect(fakes.kube.calls).toEqual(['get Namespace alice-lifesub-ns']);
  });

  test('a terminating namespace asks the user to wait', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'alice-lifesub-ns', labels: labelled }, status: { phase: 'Terminating' } });
    const err = await namespaceStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).hint).toContain('kubectl get ns alice-lifesub-ns');
  });

  test('an API failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.failOn('apply', new ToolError('API server said 500'));
    await expect(namespaceStep.run(ctx)).rejects.toThrow('API server said 500');
  });
});

describe('credentials', () => {
  const secretRef = 'Secret alice-lifesub-ns/lifesub-credentials';
  /** What the step reads when the Secret is absent: data volumes, then the app Secrets it could recover from. */
  const leftovers = [
    'list PersistentVolumeClaim alice-lifesub-ns',
    ...['member', 'mysub', 'recommend', 'common'].map((s) => `get Secret alice-lifesub-ns/${s}-secret`),
  ];

  test('generates and creates (not applies) the Secret when absent', async () => {
    const { ctx, fakes } = makeContext();
    expect(await credentialsStep.run(ctx)).toEqual({ message: 'generated new credentials (Secret lifesub-credentials)' });
    expect(fakes.kube.calls).toEqual([`get ${secretRef}`, ...leftovers, `create ${secretRef}`]);
    const c = ctx.facts.credentials!;
    expect(Object.keys(c.userPasswords).sort()).toEqual(['member', 'mysub', 'recommend']);
    expect(fakes.kube.find('Secret', 'lifesub-credentials', 'alice-lifesub-ns')).toEqual(
      expect.objectContaining({ data: renderCredentialsSecret(ctx.settings, c).data }),
    );
    fakes.verify();
  });

  test('reuses an existing Secret with identical values, never rotating', async () => {
    const { ctx, fakes } = makeContext();
    const stored = generateCredentials(ctx.settings);
    fakes.kube.put(renderCredentialsSecret(ctx.settings, stored));
    const before = fakes.kube.find('Secret', 'lifesub-credentials', 'alice-lifesub-ns');
    expect(await credentialsStep.run(ctx)).toEqual({ skipped: 'reused existing credentials — never rotated' });
    expect(ctx.facts.credentials).toEqual(stored);
    expect(fakes.kube.calls).toEqual([`get ${secretRef}`]);
    expect(fakes.kube.find('Secret', 'lifesub-credentials', 'alice-lifesub-ns')).toEqual(before);
  });

  test('an incomplete Secret is never overwritten', async () => {
    const { ctx, fakes } = makeContext();
    const secret = renderCredentialsSecret(ctx.settings, generateCredentials(ctx.settings));
    delete (secret.data as Record<string, string>)['mysub-password'];
    fakes.kube.put(secret);
    const err = await credentialsStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toMatch(/incomplete; lifesub will not overwrite it/);
    expect(fakes.kube.calls).toEqual([`get ${secretRef}`]);
    expect(fakes.kube.find('Secret', 'lifesub-credentials', 'alice-lifesub-ns')).toEqual(secret);
    expect(ctx.facts.credentials).toBeUndefined();
  });

  test('when a concurrent run created it first, theirs is read back and reused', async () => {
    const { ctx, fakes } = makeContext();
    const theirs = generateCredentials(ctx.settings);
    let first = true;
    // Between our get and our create, the Secret appears.
    const get = fakes.kube.get.bind(fakes.kube);
    fakes.kube.get = async (ref, signal) => {
      const result = await get(ref, signal);
      if (first) {
        first = false;
        fakes.kube.put(renderCredentialsSecret(ctx.settings, theirs));
      }
      return result;
    };
    expect((await credentialsStep.run(ctx))?.skipped).toMatch(/reused/);
    expect(ctx.facts.credentials).toEqual(theirs);
    expect(fakes.kube.calls).toEqual([`get ${secretRef}`, ...leftovers, `create ${secretRef}`, `get ${secretRef}`]);
  });

  test('an API failure propagates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.failOn('create', new ToolError('forbidden'));
    await expect(credentialsStep.run(ctx)).rejects.toThrow('forbidden');
  });
});
