// The step reads lifesub-web's API client from the clone; the configured override skips the read.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { frontendContractStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

function clone(apiJs?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifesub-web-'));
  if (apiJs !== undefined) {
    mkdirSync(join(dir, 'src/services'), { recursive: true });
    writeFileSync(join(dir, 'src/services/api.js'), apiJs);
  }
  return dir;
}

const B = ['MEMBER:8081/api/auth', 'MYSUB:8082/api/mysub', 'RECOMMEND:8083/api/recommend']
  .map((e) => e.split(':'))
  .map(([stem, rest]) => `const ${stem}_URL = window.__runtime_config__.${stem}_URL || 'http://localhost:${rest}';`)
  .join('\n');

describe('frontend-contract', () => {
  test('reads the convention from the clone', async () => {
    const web = clone(B);
    const { ctx } = makeContext({ facts: { repoDirs: { lifesub: '/x', 'lifesub-web': web } } });
    const outcome = await frontendContractStep.run(ctx);
    expect(ctx.facts.apiBasePaths).toEqual({ member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' });
    expect(outcome).toEqual({ message: "member base ends in '/api/auth', mysub base ends in '/api/mysub', recommend base ends in '/api/recommend'" });
  });

  test('a missing API client is a UserError naming the file and the override', async () => {
    const web = clone();
    const { ctx } = makeContext({ facts: { repoDirs: { lifesub: '/x', 'lifesub-web': web } } });
    const err = (await frontendContractStep.run(ctx).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(join(web, 'src/services/api.js'));
    expect(err.message).toContain('ENOENT');
    expect(err.hint).toContain('frontend.apiBasePaths');
  });

  test('the configured override decides the URLs; an unreadable client is then no error', async () => {
    const { ctx, logs } = makeContext({ facts: { repoDirs: { lifesub: '/x', 'lifesub-web': clone() } } });
    const apiBasePaths = { member: '', mysub: '', recommend: '' };
    ctx.settings.config = { ...ctx.settings.config, frontend: { ...ctx.settings.config.frontend, apiBasePaths } };
    expect(await frontendContractStep.run(ctx)).toMatchObject({ message: expect.stringContaining('frontend.apiBasePaths') });
    expect(ctx.facts.apiBasePaths).toEqual(apiBasePaths);
    expect(ctx.facts.frontendBasePaths).toEqual(apiBasePaths);
    expect(logs.join('\n')).toMatch(/cannot read .*using frontend\.apiBasePaths/);
  });

  test("an override that disagrees with the code is kept for the URLs, and the code's convention recorded for the smoke check", async () => {
    const { ctx, logs } = makeContext({ facts: { repoDirs: { lifesub: '/x', 'lifesub-web': clone(B) } } });
    const apiBasePaths = { member: '', mysub: '', recommend: '' };
    ctx.settings.config = { ...ctx.settings.config, frontend: { ...ctx.settings.config.frontend, apiBasePaths } };
    await frontendContractStep.run(ctx);
    expect(ctx.facts.apiBasePaths).toEqual(apiBasePaths);
    expect(ctx.facts.frontendBasePaths).toEqual({ member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' });
    expect(logs.join('\n')).toMatch(/warning: frontend\.apiBasePaths .* differs from what the frontend's code expects/);
  });
});
