// Transient and permanent API faults on every path, helm's included, through the built CLI:
//  - 429s with Retry-After on every API request, helm's too → `up` succeeds;
//  - a permanent 403 fails at once, naming the verb and the resource.
import { afterAll, describe, expect, it } from 'vitest';
import { explain, freshHome, removeHome, writeFile, type CliResult } from '../support/cli.js';
import { realFailures, runUp } from './helpers/expect-run.js';

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) removeHome(h);
});

describe.concurrent('transient and permanent API faults (every API path, helm’s included)', () => {
  async function upWith(id: string, faults: object, timeoutMs: number): Promise<CliResult> {
    const home = freshHome(`rel-${id}`);
    homes.push(home);
    const file = writeFile(home, 'faults.json', JSON.stringify(faults));
    return runUp(id, { env: { LIFESUB_HOME: home, LIFESUB_SANDBOX_FAULTS: file }, timeoutMs });
  }

  // helm is real here, and helm itself retries only what client-go retries: a 429 (or 5xx) that carries
  // Retry-After, as a real API server's priority-and-fairness answers. So 20 % of 429s is survivable
  // inside each helm call (10 % here keeps the suite short; 20 % was measured by hand); 503s and resets without Retry-After fail the helm call, and lifesub repeats
  // the whole release step — an install makes ~50 requests, so that works at a few percent, not at 20
  // (0.8^50: no attempt would ever get through). The closing note of issue 8 has the measured figures.
  it.each([['flaky2', '429', 0.1]] as const)(
    '%s: every API request fails with %s at rate %s → up succeeds',
    async (id, kind, rate) => {
      const r = await upWith(id, { api: { rate, kind } }, 280_000);
      expect(r.code, explain(r)).toBe(0);
    },
    300_000,
  );

  it('a permanent 403 fails the step at once, naming verb and resource, without retries', async () => {
    const ns = 'denied-lifesub-ns';
    const r = await upWith('denied', { api: { rate: 1, kind: '403', paths: `^/api/v1/namespaces/${ns}$` } }, 120_000);
    expect(r.code, explain(r)).toBe(1);
    const [failure] = realFailures(r);
    expect(failure?.step, explain(r)).toBe('namespace');
    expect(failure!.message).toMatch(/forbidden \(HTTP 403\)/);
    expect(failure!.message).toMatch(new RegExp(`^(read|apply|create) Namespace ${ns}: forbidden \\(HTTP 403\\)`));
    expect(failure!.message).toMatch(/User "lifesub-sandbox" cannot (get|patch|create) resource "namespaces" in API group ""/);
    // The acceptance figure: a permanent failure is not retried for seconds (measured, not guessed).
    expect(failure!.durationMs, 'a 403 is not retried').toBeLessThan(2_000);
  }, 150_000);
});
