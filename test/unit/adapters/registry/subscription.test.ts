import { describe, expect, test } from 'vitest';
import { resolveAccount, resolveSubscription } from '../../../../src/adapters/registry/subscription.js';
import { UserError } from '../../../../src/core/errors.js';
import { ScriptedRunner, toolFailure } from '../../../fakes/runner.js';

const signal = new AbortController().signal;
const SUB = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const AZ = ['account', 'show', '--query', 'id', '-o', 'tsv'];

describe('resolveSubscription', () => {
  test('AZURE_SUBSCRIPTION_ID wins and az is not run', async () => {
    const runner = new ScriptedRunner();
    expect(await resolveSubscription(runner, signal, { AZURE_SUBSCRIPTION_ID: ` ${SUB} ` })).toBe(SUB);
    expect(runner.calls).toHaveLength(0);
  });

  test('falls back to az account show', async () => {
    const runner = new ScriptedRunner([{ file: 'az', args: AZ, result: { stdout: `${SUB}\n` } }]);
    expect(await resolveSubscription(runner, signal, {})).toBe(SUB);
    runner.assertDone();
  });

  test('az failing → UserError with the az login hint', async () => {
    const runner = new ScriptedRunner([{ file: 'az', args: AZ, error: toolFailure('az', AZ, "Please run 'az login' to setup account.") }]);
    const err = await resolveSubscription(runner, signal, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).hint).toMatch(/az login/);
  });

  test('rejects something that is not a GUID', async () => {
    await expect(resolveSubscription(new ScriptedRunner(), signal, { AZURE_SUBSCRIPTION_ID: 'my-sub' })).rejects.toThrow(/not a GUID/);
  });
});

describe('resolveAccount: the subscription with its tenant', () => {
  const TENANT = '99999999-8888-7777-6666-555555555555';
  const SHOW = ['account', 'show', '-o', 'json'];

  test('from az account show: id and tenantId', async () => {
    const stdout = JSON.stringify({ id: SUB, tenantId: TENANT, name: 'lab', user: { name: 'student@uni.ac.kr' } });
    const runner = new ScriptedRunner([{ file: 'az', args: SHOW, result: { stdout } }]);
    expect(await resolveAccount(runner, signal, {})).toEqual({ subscriptionId: SUB, tenantId: TENANT });
    runner.assertDone();
  });

  test('from the environment: AZURE_SUBSCRIPTION_ID with AZURE_TENANT_ID, az not run', async () => {
    const runner = new ScriptedRunner();
    expect(await resolveAccount(runner, signal, { AZURE_SUBSCRIPTION_ID: SUB, AZURE_TENANT_ID: TENANT })).toEqual({ subscriptionId: SUB, tenantId: TENANT });
    expect(await resolveAccount(runner, signal, { AZURE_SUBSCRIPTION_ID: SUB })).toEqual({ subscriptionId: SUB });
    expect(runner.calls).toHaveLength(0);
  });

  test('az failing → UserError with the az login hint', async () => {
    const runner = new ScriptedRunner([{ file: 'az', args: SHOW, error: toolFailure('az', SHOW, "Please run 'az login' to setup account.") }]);
    const err = await resolveAccount(runner, signal, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).hint).toMatch(/az login/);
  });
});
