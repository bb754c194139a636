import { describe, expect, test } from 'vitest';
import { ToolError } from '../../../src/core/errors.js';
import { smokeStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const facts = () => ({ ingressAddress: '20.1.2.3', webAddress: '127.0.0.1:8080' });
const URLS = [
  'http://127.0.0.1:8080/',
  'http://20.1.2.3/member/actuator/health',
  'http://20.1.2.3/mysub/actuator/health',
  'http://20.1.2.3/recommend/actuator/health',
];
const quick = { budgetMs: 60, firstDelayMs: 1, maxDelayMs: 5 };

describe('smoke', () => {
  test('GETs the frontend and every backend health endpoint through the ingress', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    for (const url of URLS) fakes.http.script.expect('get', [url]).returns({ status: 200, body: '{"status":"UP"}' });
    expect(await smokeStep(quick).run(ctx)).toEqual({ message: '4 URLs answer 200' });
    expect(fakes.http.script.calls.map((c) => c.args[0])).toEqual(URLS);
    fakes.verify();
  });

  test('retries while the ingress lags (errors and non-200), then passes', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts() });
    fakes.http.script.expect('get', [URLS[1]]).throws(new Error('connect ECONNREFUSED 20.1.2.3:80'));
    fakes.http.script.expect('get', [URLS[1]]).returns({ status: 503, body: '' });
    for (const url of URLS) fakes.http.script.expect('get', [url]).returns({ status: 200, body: '' });
    await smokeStep({ ...quick, budgetMs: 5_000 }).run(ctx);
    expect(fakes.http.script.argsOf('get').filter((a) => a[0] === URLS[1])).toHaveLength(3);
    expect(logs).toContain(`${URLS[1]} → status 503; retrying`);
    fakes.verify();
  });

  test('gives up at the budget naming the URL and its last status', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.http.script.expect('get', (args) => args[0] !== URLS[2]).returns({ status: 200, body: '' }).always();
    fakes.http.script.expect('get', [URLS[2]]).returns({ status: 502, body: 'Bad Gateway' }).always();
    const err = (await smokeStep(quick).run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(new RegExp(`^GET ${URLS[2]} did not answer 200 \\(last: status 502, \\d+ attempts\\)$`));
    expect(fakes.http.script.argsOf('get').filter((a) => a[0] === URLS[2]).length).toBeGreaterThan(1);
    expect(err.hint).toBeTruthy();
  });

  test('a network error is reported as the last status', async () => {
    const { ctx, fakes } = makeContext({ facts: facts() });
    fakes.http.script.expect('get').throws(new Error('getaddrinfo ENOTFOUND')).always();
    const err = (await smokeStep(quick).run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain(`GET ${URLS[0]} did not answer 200 (last: getaddrinfo ENOTFOUND`);
    expect(err.details?.split('\n')).toHaveLength(4);
  });

  test('Ctrl-C interrupts the backoff', async () => {
    const { ctx, fakes, controller } = makeContext({ facts: facts() });
    fakes.http.script.expect('get').returns({ status: 503, body: '' }).always();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expect(smokeStep({ budgetMs: 60_000, firstDelayMs: 10_000 }).run(ctx)).rejects.toThrow('interrupted');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
