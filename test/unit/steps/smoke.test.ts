// The smoke check replays the browser: page, runtime-env.js, then one real route per backend through
// the URLs the page got, with the page's Origin; a wrong answer is named with its likely cause.
import { describe, expect, test } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../src/adapters/types.js';
import { ToolError } from '../../../src/core/errors.js';
import { smokeStep } from '../../../src/steps/index.js';
import { makeContext } from '../../fakes/context.js';

const WEB = 'http://20.4.5.6';
const HOST = 'alice.20.1.2.3.nip.io';
const B = { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' };
const A = { member: '', mysub: '', recommend: '' };
const facts = (apiBasePaths: Record<string, string> = B) => ({ ingressAddress: '20.1.2.3', webAddress: '20.4.5.6', apiBasePaths });
const quick = { budgetMs: 60, firstDelayMs: 1, maxDelayMs: 5 };

const env = (base: string, suffixes: Record<string, string>) =>
  `window.__runtime_config__ = { MEMBER_URL: "${base}${suffixes.member}", MYSUB_URL: "${base}${suffixes.mysub}", RECOMMEND_URL: "${base}${suffixes.recommend}" };\n`;
const cors = { 'access-control-allow-origin': WEB, vary: 'Origin' };
const nginx404 = { status: 404, body: '<html><head><title>404 Not Found</title></head></html>', headers: {} };

/** A scripted site: the frontend on WEB, and `api(req)` for everything else. */
function site(runtimeEnv: string, api: (req: HttpRequest) => HttpResponse) {
  return (args: unknown[]): HttpResponse => {
    const req = args[0] as HttpRequest;
    if (req.url === `${WEB}/`) return { status: 200, body: '<html>lifesub</html>', headers: {} };
    if (req.url === `${WEB}/runtime-env.js`) return { status: 200, body: runtimeEnv, headers: {} };
    return api(req);
  };
}

/** The real apps' answers to the three probes (walkthrough.md, "The applications"). */
function realApps(req: HttpRequest): HttpResponse {
  const path = new URL(req.url).pathname;
  if (req.method === 'POST' && path === '/api/auth/login') return { status: 400, body: '{"status":400}', headers: cors };
  if (req.method === 'GET' && (path === '/api/mysub/categories' || path === '/api/recommend/categories')) return { status: 403, body: '', headers: cors };
  return nginx404;
}

describe('smoke', () => {
  test.each([
    ['B', B],
    ['A', A],
  ] as const)('variant %s: calls each route as the frontend would, through the host, with the Origin', async (_, basePaths) => {
    const { ctx, fakes } = makeContext({ facts: facts(basePaths) });
    fakes.http.script
      .expect('request')
      .does(site(env(`http://${HOST}`, basePaths), realApps))
      .always();
    expect(await smokeStep(quick).run(ctx)).toEqual({ message: 'the page, runtime-env.js and 3 API routes answer as a browser needs' });
    const api = fakes.http.script
      .argsOf('request')
      .map((a) => a[0] as HttpRequest)
      .filter((r) => !r.url.startsWith(WEB));
    expect(api.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      `GET http://${HOST}/api/mysub/categories`,
      `GET http://${HOST}/api/recommend/categories`,
      `POST http://${HOST}/api/auth/login`,
    ]);
    for (const r of api) {
      expect(r.headers?.Origin).toBe(WEB);
      // No DNS needed: the connection goes to the ingress address, the host travels in the Host header.
      expect(r.connectTo).toBe('20.1.2.3');
    }
    expect(api.find((r) => r.method === 'POST')).toMatchObject({
      body: '{"userId":"lifesub-smoke-check","password":"x"}',
      headers: { 'Content-Type': 'application/json' },
    });
  });

  test("the pre-fix URLs on today's frontend fail, naming the route, the status and the wrong convention", async () => {
    const { ctx, fakes } = makeContext({ facts: facts(B) });
    // MEMBER_URL=http://<ingress>/member and the guide's rewrite: /member/login → member:/login, refused by Spring Security.
    const prefix = { member: '/member', mysub: '/mysub', recommend: '/recommend' };
    fakes.http.script
      .expect('request')
      .does(site(env('http://20.1.2.3', prefix), (req) => ({ status: 403, body: '', headers: new URL(req.url).pathname === '/member/login' ? cors : {} })))
      .always();
    const err = (await smokeStep(quick)
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toMatch(
      /^the frontend cannot use the API: POST <MEMBER_URL>\/login \(http:\/\/20\.1\.2\.3\/member\/login\) → status 403: .*does not map .*base URL convention is wrong/,
    );
    expect(err.details).toContain('POST <MEMBER_URL>/login');
  });

  test.each([
    [{ status: 404, body: nginx404.body, headers: {} }, /status 404 from the ingress controller: no ingress route/],
    [{ status: 503, body: '<html>503</html>', headers: {} }, /status 503: no ready backend/],
    [
      { status: 403, body: 'Invalid CORS request', headers: {} },
      /CORS refuses the page's origin — ALLOWED_ORIGINS in ConfigMap common-config must contain http:\/\/20\.4\.5\.6/,
    ],
    [{ status: 400, body: '{}', headers: {} }, /status 400 without Access-Control-Allow-Origin .*ALLOWED_ORIGINS/],
  ])('member answering %o is reported with its likely cause', async (answer, cause) => {
    const { ctx, fakes } = makeContext({ facts: facts(B) });
    fakes.http.script
      .expect('request')
      .does(site(env(`http://${HOST}`, B), (req) => (req.method === 'POST' ? answer : realApps(req))))
      .always();
    const err = (await smokeStep(quick)
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err.message).toContain('POST <MEMBER_URL>/login');
    expect(err.message).toMatch(cause);
    expect(err.details?.split('\n')).toHaveLength(1);
  });

  test('retries while the ingress lags, then passes', async () => {
    const { ctx, fakes, logs } = makeContext({ facts: facts(B) });
    let calls = 0;
    fakes.http.script
      .expect('request')
      .does(site(env(`http://${HOST}`, B), (req) => (req.method === 'POST' && ++calls < 3 ? { status: 503, body: '', headers: {} } : realApps(req))))
      .always();
    await smokeStep({ ...quick, budgetMs: 5_000 }).run(ctx);
    expect(calls).toBe(3);
    expect(logs.some((l) => l.startsWith('POST <MEMBER_URL>/login → status 503: no ready backend') && l.endsWith('; retrying'))).toBe(true);
  });

  test('a page that does not answer is reported before any API call', async () => {
    const { ctx, fakes } = makeContext({ facts: facts(B) });
    fakes.http.script.expect('request').throws(new ToolError('GET http://20.4.5.6/ failed: ECONNREFUSED')).always();
    const err = (await smokeStep(quick)
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err.message).toMatch(/^the frontend does not answer: GET http:\/\/20\.4\.5\.6\/ .*ECONNREFUSED/);
    expect(fakes.http.script.argsOf('request').every((a) => (a[0] as HttpRequest).url.startsWith(WEB))).toBe(true);
  });

  test('runtime-env.js without the URLs (ConfigMap not mounted) is named', async () => {
    const { ctx, fakes } = makeContext({ facts: facts(B) });
    fakes.http.script.expect('request').does(site('window.__runtime_config__ = {};\n', realApps)).always();
    await expect(smokeStep(quick).run(ctx)).rejects.toThrow(/runtime-env\.js served by the frontend has no MEMBER_URL/);
  });

  test('Ctrl-C interrupts the backoff', async () => {
    const { ctx, fakes, controller } = makeContext({ facts: facts(B) });
    fakes.http.script.expect('request').returns({ status: 503, body: '' }).always();
    setTimeout(() => controller.abort(), 20);
    await expect(smokeStep({ budgetMs: 60_000, firstDelayMs: 10_000 }).run(ctx)).rejects.toThrow('interrupted');
  });
});
