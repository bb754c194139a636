// Secret lifesub-credentials gone: the passwords come back from the app Secrets, and new ones are never
// generated next to an existing data volume (issue 7, item 5).
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { renderAppSecrets } from '../../../src/render/app-secrets.js';
import { credentialsFromSecret, generateCredentials, renderCredentialsSecret } from '../../../src/render/index.js';
import { credentialsStep, credentialsStepFor } from '../../../src/steps/credentials.js';
import { dataClaimName } from '../../../src/steps/credentials-recover.js';
import { makeContext } from '../../fakes/context.js';

const NS = 'alice-lifesub-ns';
const claim = (database: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: dataClaimName(database), namespace: NS, labels: { 'app.kubernetes.io/instance': database } },
});

describe('dataClaimName (bitnami common.names.fullname + StatefulSet claim naming)', () => {
  test.each([
    ['member', 'data-member-postgresql-0'],
    ['my-postgresql', 'data-my-postgresql-0'],
  ])('%s → %s', (release, name) => expect(dataClaimName(release)).toBe(name));
});

describe('credentials when Secret lifesub-credentials is gone', () => {
  test('the app Secrets give back the same passwords and JWT key; the Secret is recreated with its labels', async () => {
    const { ctx, fakes, logs } = makeContext();
    const original = generateCredentials(ctx.settings);
    fakes.kube.put(...renderAppSecrets(ctx.settings, original), claim('member'), claim('mysub'), claim('recommend'));
    const outcome = await credentialsStep.run(ctx);
    expect(outcome).toEqual({ message: 'recreated Secret lifesub-credentials from the app Secrets (passwords unchanged)' });
    const c = ctx.facts.credentials!;
    expect(c.userPasswords).toEqual(original.userPasswords);
    expect(c.jwtSecret).toBe(original.jwtSecret);
    const recreated = fakes.kube.find('Secret', 'lifesub-credentials', NS)!;
    expect(recreated.metadata.labels).toEqual(renderCredentialsSecret(ctx.settings, original).metadata.labels);
    expect(recreated.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': 'alice' });
    expect(credentialsFromSecret(ctx.settings, recreated)).toEqual(c);
    // The app Secrets render exactly as before: nothing for the backends to restart over.
    expect(renderAppSecrets(ctx.settings, c)).toEqual(renderAppSecrets(ctx.settings, original));
    expect(logs.join('\n')).toMatch(/superuser and replication passwords/);
    expect(JSON.stringify([outcome, logs])).not.toContain(original.userPasswords['member']);
    fakes.verify();
  });

  test('with the app Secrets also gone and data volumes present: a hard stop naming both ways out; nothing written', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(claim('member'), claim('mysub'), claim('recommend'));
    const err = await credentialsStep.run(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toBe(
      'Secret lifesub-credentials is missing in alice-lifesub-ns and the password of database member, mysub, recommend is in no other Secret, ' +
        'but its data volume (data-member-postgresql-0, data-mysub-postgresql-0, data-recommend-postgresql-0) still exists: new passwords would lock the apps out of that data, so nothing was changed',
    );
    expect((err as ToolError).hint).toContain('restore Secret lifesub-credentials');
    expect((err as ToolError).hint).toContain('lifesub up --id alice --reset-data');
    expect(fakes.kube.calls.filter((c) => !c.startsWith('get ') && !c.startsWith('list '))).toEqual([]);
    expect(ctx.facts.credentials).toBeUndefined();
  });

  test('one lost password next to its volume is enough to stop; a database without a volume may get a new one', async () => {
    const { ctx, fakes } = makeContext();
    const original = generateCredentials(ctx.settings);
    const appSecrets = renderAppSecrets(ctx.settings, original).filter((s) => s.metadata.name !== 'mysub-secret');
    fakes.kube.put(...appSecrets, claim('member'), claim('mysub'));
    await expect(credentialsStep.run(ctx)).rejects.toThrow(/password of database mysub is in no other Secret, but its data volume \(data-mysub-postgresql-0\)/);

    const other = makeContext();
    other.fakes.kube.put(...appSecrets, claim('member')); // mysub has no volume yet
    await credentialsStep.run(other.ctx);
    expect(other.ctx.facts.credentials!.userPasswords['member']).toBe(original.userPasswords['member']);
    expect(other.ctx.facts.credentials!.userPasswords['mysub']).not.toBe(original.userPasswords['mysub']);
  });

  test('app Secrets that lifesub did not create for this ID are not trusted', async () => {
    const { ctx, fakes } = makeContext();
    const forged = renderAppSecrets(ctx.settings, generateCredentials(ctx.settings)).map((s) => ({ ...s, metadata: { ...s.metadata, labels: {} } }));
    fakes.kube.put(...forged, claim('member'));
    await expect(credentialsStep.run(ctx)).rejects.toThrow(/password of database member is in no other Secret/);
  });

  test('--reset-data uninstalls each database with a volume, deletes the claim and waits for it, then generates', async () => {
    const { ctx, fakes } = makeContext();
    fakes.kube.put(claim('member'), claim('recommend'));
    fakes.helm.script.expect('uninstall', ['member', NS]).returns(true);
    fakes.helm.script.expect('uninstall', ['recommend', NS]).returns(true);
    const outcome = await credentialsStepFor({ resetData: true }).run(ctx);
    expect(outcome?.message).toBe(
      'generated new credentials (Secret lifesub-credentials); data volumes deleted: data-member-postgresql-0, data-recommend-postgresql-0',
    );
    expect(fakes.kube.find('PersistentVolumeClaim', 'data-member-postgresql-0', NS)).toBeUndefined();
    expect(fakes.kube.calls).toContain('delete PersistentVolumeClaim alice-lifesub-ns/data-recommend-postgresql-0');
    fakes.verify();
  });
});
