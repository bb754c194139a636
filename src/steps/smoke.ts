// The end-to-end check the student would do by hand: the frontend answers on its address and every
// backend's health endpoint answers through the ingress. Load balancers and ingress rules lag a little
// behind "pods ready", so each URL is retried with backoff until the smoke budget runs out.
import { ToolError, isAbort, messageOf } from '../core/errors.js';
import { need, type Step, type StepContext } from '../graph/step.js';
import { budgetMs } from './budget.js';
import { sleep } from '../core/sleep.js';

export interface SmokeOptions {
  /** Total time to keep retrying (default: a little less than timeouts.smoke). */
  budgetMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  requestTimeoutMs?: number;
}

export function smokeUrls(ctx: StepContext): string[] {
  const web = need(ctx.facts.webAddress, 'webAddress');
  const ingress = need(ctx.facts.ingressAddress, 'ingressAddress');
  const backends = ctx.settings.config.services.filter((s) => s.kind === 'backend');
  return [`http://${web}/`, ...backends.map((s) => `http://${ingress}/${s.name}/actuator/health`)];
}

export function smokeStep(options: SmokeOptions = {}): Step {
  return {
    name: 'smoke',
    title: 'Check the application answers',
    needs: ['readiness'],
    timeout: 'smoke',
    plan: () => ['GET http://<web-address>/ and http://<ingress-address>/<service>/actuator/health for each backend: expect 200'],
    async run(ctx) {
      const urls = smokeUrls(ctx);
      const deadline = Date.now() + (options.budgetMs ?? budgetMs(ctx.settings, 'smoke'));
      const results = await Promise.all(urls.map((url) => probe(ctx, url, deadline, options)));
      const failures = results.filter((r) => !r.ok);
      if (failures.length > 0) {
        const [first] = failures as [Attempt, ...Attempt[]];
        throw new ToolError(
          `GET ${first.url} did not answer 200 (last: ${first.last}, ${first.attempts} attempts)`,
          'check `kubectl get pods,svc,ingress -n ' + ctx.settings.namespace + '` and the ingress controller; the address may still be propagating — run lifesub up again',
          { details: failures.map((f) => `${f.url}: ${f.last}`).join('\n') },
        );
      }
      return { message: `${urls.length} URLs answer 200` };
    },
  };
}

interface Attempt {
  url: string;
  ok: boolean;
  attempts: number;
  /** "status 503" or the network error. */
  last: string;
}

async function probe(ctx: StepContext, url: string, deadline: number, options: SmokeOptions): Promise<Attempt> {
  let delay = options.firstDelayMs ?? 1_000;
  let attempts = 0;
  let last = 'no answer';
  for (;;) {
    attempts += 1;
    try {
      // A request never outlives the budget: the step must report before the runner's timeout hits.
      const timeoutMs = Math.max(1_000, Math.min(options.requestTimeoutMs ?? 10_000, deadline - Date.now()));
      const res = await ctx.adapters.http.get(url, { signal: ctx.signal, timeoutMs });
      if (res.status === 200) {
        ctx.log(`${url} → 200`);
        return { url, ok: true, attempts, last: 'status 200' };
      }
      last = `status ${res.status}`;
    } catch (err) {
      if (isAbort(err, ctx.signal)) throw err;
      last = messageOf(err);
    }
    const left = deadline - Date.now();
    if (left <= 0) return { url, ok: false, attempts, last };
    ctx.log(`${url} → ${last}; retrying`);
    await sleep(Math.min(delay, left), ctx.signal);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
  }
}
