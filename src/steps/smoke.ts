// The end-to-end check a student does in the browser: the page loads, runtime-env.js loads, and the
// URLs in it reach each backend's own code with CORS allowing the page (smoke-checks.ts decides what
// to ask and what an answer means). Load balancers and ingress rules lag a little behind "pods ready",
// so every check is retried with backoff until the smoke budget runs out.
import type { HttpRequest, HttpResponse } from '../adapters/types.js';
import { ToolError, isAbort, messageOf } from '../core/errors.js';
import { need, type StepDefinition, type StepContext } from '../graph/step.js';
import { studentRoutes } from '../render/index.js';
import { sleep } from '../core/sleep.js';
import { budgetMs } from './budget.js';
import { apiChecks, judge, parseRuntimeEnv, type ApiCheck } from './smoke-checks.js';

export interface SmokeOptions {
  /** Total time to keep retrying (default: a little less than timeouts.smoke). */
  budgetMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  requestTimeoutMs?: number;
}

export function smokeStep(options: SmokeOptions = {}): StepDefinition {
  return {
    name: 'smoke',
    title: 'Check the application answers',
    reads: ['webAddress', 'ingressAddress', 'frontendBasePaths', 'apiBasePaths'],
    timeout: 'smoke',
    readOnly: true,
    plan: () => [
      'GET http://<web-address>/ and /runtime-env.js: expect 200',
      'through each URL in runtime-env.js, with Origin http://<web-address>: POST <MEMBER_URL>/login as an unknown user → 401, GET <MYSUB_URL>/categories and <RECOMMEND_URL>/categories → an answer of the service; CORS must allow the origin',
    ],
    async run(ctx) {
      const deadline = Date.now() + (options.budgetMs ?? budgetMs(ctx.settings, 'smoke'));
      const web = `http://${need(ctx.facts.webAddress, 'webAddress')}`;
      const page = (path: string): Promise<Outcome> =>
        retry(
          ctx,
          `GET ${web}${path}`,
          { method: 'GET', url: `${web}${path}` },
          (r) => (r.status === 200 ? undefined : `status ${r.status}`),
          deadline,
          options,
        );
      const [index, env] = await Promise.all([page('/'), page('/runtime-env.js')]);
      const pageFailures = [index, env].filter((o) => o.problem !== undefined);
      if (pageFailures.length > 0) throw failure(ctx, pageFailures, 'the frontend does not answer');

      const routes = studentRoutes(ctx.settings, need(ctx.facts.ingressAddress, 'ingressAddress'));
      // Routes are called as the frontend's code calls them (which may differ from a configured override).
      const frontend = ctx.facts.frontendBasePaths ?? need(ctx.facts.apiBasePaths, 'apiBasePaths');
      const { checks, problems } = apiChecks(ctx.settings, parseRuntimeEnv(env.response!.body), frontend, web, {
        host: routes.host,
        address: routes.connect,
      });
      if (problems.length > 0)
        throw new ToolError(
          problems.join('; '),
          `see \`kubectl get configmap lifesub-web-runtime -n ${ctx.settings.namespace} -o yaml\`; run lifesub up again`,
        );
      const results = await Promise.all(checks.map((c: ApiCheck) => retry(ctx, c.route, c.request, (r) => judge(c, r, web), deadline, options)));
      const failures = results.filter((r) => r.problem !== undefined);
      if (failures.length > 0) throw failure(ctx, failures, 'the frontend cannot use the API');
      return { message: `the page, runtime-env.js and ${checks.length} API routes answer as a browser needs` };
    },
  };
}

interface Outcome {
  label: string;
  url: string;
  attempts: number;
  /** Why the last answer was wrong (status and likely cause, or the network error); undefined when fine. */
  problem?: string;
  response?: HttpResponse;
}

function failure(ctx: StepContext, failures: Outcome[], what: string): ToolError {
  const [first] = failures as [Outcome, ...Outcome[]];
  return new ToolError(
    `${what}: ${first.label} (${first.url}) → ${first.problem} (${first.attempts} attempts)`,
    `check \`kubectl get pods,svc,ingress -n ${ctx.settings.namespace}\`; the address may still be propagating — run lifesub up again`,
    { details: failures.map((f) => `${f.label} (${f.url}): ${f.problem}`).join('\n') },
  );
}

async function retry(
  ctx: StepContext,
  label: string,
  request: HttpRequest,
  problemOf: (res: HttpResponse) => string | undefined,
  deadline: number,
  options: SmokeOptions,
): Promise<Outcome> {
  let delay = options.firstDelayMs ?? 1_000;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    let problem: string | undefined;
    let response: HttpResponse | undefined;
    try {
      // A request never outlives the budget: the step must report before the runner's timeout hits.
      const timeoutMs = Math.max(1_000, Math.min(options.requestTimeoutMs ?? 10_000, deadline - Date.now()));
      response = await ctx.adapters.http.request(request, { signal: ctx.signal, timeoutMs });
      problem = problemOf(response);
      if (problem === undefined) {
        ctx.log(`${label} → ${response.status}`);
        return { label, url: request.url, attempts, response };
      }
    } catch (err) {
      if (isAbort(err, ctx.signal)) throw err;
      problem = messageOf(err);
    }
    const left = deadline - Date.now();
    if (left <= 0) return { label, url: request.url, attempts, problem, response };
    ctx.log(`${label} → ${problem}; retrying`);
    await sleep(Math.min(delay, left), ctx.signal);
    delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
  }
}
