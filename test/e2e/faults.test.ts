// Each injected sandbox fault (LIFESUB_SANDBOX_FAULTS) must end `up` with exit 1, naming the failed
// step and the cause. Every case gets its own LIFESUB_HOME (its own simulated world and ports), so
// the cases run concurrently; short per-step timeouts (--config) make the waiting ones fail fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, explain, freshHome, killAllCli, removeHome, summaryOf, writeFile, type CliResult } from '../support/cli.js';
import { realFailures, runUp, statusTable } from './helpers/expect-run.js';

const homes: string[] = [];

beforeAll(() => assertBuilt());

afterAll(() => {
  killAllCli();
  for (const h of homes) removeHome(h);
});

/** Runs `up` in a fresh sandbox with these faults (JSON) and timeouts; checks the common shape of a failure. */
async function upWithFault(
  id: string,
  faults: object,
  timeouts: Record<string, string> = {},
  configYaml = '',
): Promise<{ r: CliResult; step: string; message: string; text: string }> {
  const home = freshHome(`fault-${id}`);
  homes.push(home);
  const faultFile = writeFile(home, 'faults.json', JSON.stringify(faults));
  const args: string[] = [];
  if (Object.keys(timeouts).length > 0 || configYaml) {
    const body = Object.entries(timeouts)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n');
    args.push('--config', writeFile(home, 'config.yaml', `${body ? `timeouts:\n${body}\n` : ''}${configYaml}`));
  }
  const r = await runUp(id, { env: { LIFESUB_HOME: home, LIFESUB_SANDBOX_FAULTS: faultFile }, timeoutMs: 50_000 }, ...args);
  expect(r.code, explain(r)).toBe(1);
  const summary = summaryOf(r);
  expect(summary.ok).toBe(false);
  expect(summary.error, explain(r)).toBeDefined();
  expect(summary.error!.exitCode).toBe(1);
  expect(summary.error!.hint, 'a failure carries a hint').toBeTruthy();
  // Exactly one real failure (the others, if any, were cancelled because of it), and it is the summary's.
  const failures = realFailures(r);
  expect(
    failures.map((f) => f.step),
    explain(r),
  ).toHaveLength(1);
  expect(summary.error!.step).toBe(failures[0]!.step);
  // Steps that needed the failed one never ran: nothing after it claims success.
  expect(statusTable(r).smoke, 'smoke must not be done').not.toBe('done');
  // stderr names the step and the cause for people, too.
  expect(r.stderr).toMatch(/error: /);
  expect(r.stderr).toMatch(/hint: /);
  return { r, step: failures[0]!.step, message: failures[0]!.message ?? '', text: `${failures[0]!.message ?? ''}\n${r.stderr}` };
}

describe.concurrent('up --sandbox with injected faults → exit 1 naming the step and the cause', () => {
  it('a LoadBalancer address that never comes fails web-address, quoting the cloud provider (SyncLoadBalancerFailed)', async () => {
    const quota = 'PublicIPCountLimitReached: Cannot create more than 10 public IP addresses for this subscription in this region.';
    const { r, step, message, text } = await upWithFault('faultlb', { loadBalancerError: { 'lifesub-web': quota } }, { loadBalancer: '3s' });
    expect(message).toContain(`SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: ${quota}`);
    expect(text).toMatch(/hint: the subscription has no public IP left \(PublicIPCountLimitReached\)/);
    expect(step, explain(r)).toBe('web-address');
    expect(message).toMatch(/load ?balancer|address/i);
    expect(message).toMatch(/lifesub-web/);
    expect(statusTable(r)['apply'], 'apply waits for the address').not.toBe('done');
  }, 55_000);

  it('an image the registry refuses (401) fails readiness with ImagePullBackOff, naming the cause and --attach-acr', async () => {
    const { r, step, message, text } = await upWithFault('faultpull', { imagePullError: { member: 'unauthorized' } }, { readiness: '6s' });
    expect(step, explain(r)).toBe('readiness');
    expect(message).toMatch(/ImagePullBackOff: faultpullcr\.azurecr\.io refused the pull \(401 Unauthorized\)/);
    expect(text).toMatch(/member/);
    expect(text).toMatch(/hint: the cluster is not allowed to pull from faultpullcr\.azurecr\.io \(401\): .*--attach-acr faultpullcr/);
  }, 55_000);

  it('a crash-looping app fails readiness with its last log lines', async () => {
    const crashLine = 'FATAL: password authentication failed for user "e2e-crash-marker"';
    const { r, step, message, text } = await upWithFault(
      'faultcrash',
      { crashLoop: { mysub: ['Starting MysubApplication using Java 21', crashLine] } },
      { readiness: '6s' },
    );
    expect(step, explain(r)).toBe('readiness');
    expect(message).toMatch(/mysub/);
    expect(message).toMatch(/CrashLoopBackOff/);
    expect(text, 'the crash log line reaches the user').toContain(crashLine);
  }, 55_000);

  it('a failing Gradle build fails jars with the compiler’s stderr', async () => {
    const stderrLine = 'e2e: Compilation failed; see member/src/main/java/Member.java:42';
    const { r, step, text } = await upWithFault('faultgradle', { tools: [{ tool: 'gradle', stderr: stderrLine, exitCode: 1 }] });
    expect(step, explain(r)).toBe('jars');
    expect(text, 'the tool’s stderr reaches the user').toContain(stderrLine);
    const table = statusTable(r);
    for (const s of ['image:member', 'push:member', 'apply', 'readiness']) expect(table[s], s).not.toBe('done');
  }, 55_000);

  it('a PostgreSQL chart version the repository does not have fails the database step with real helm’s error', async () => {
    const { r, step, text } = await upWithFault('faulthelm', {}, {}, 'postgres:\n  version: 99.9.9\n');
    expect(step, explain(r)).toMatch(/^database:(member|mysub|recommend)$/);
    expect(text, 'helm’s stderr reaches the user').toMatch(/chart "postgresql" matching 99\.9\.9 not found/);
  }, 55_000);
});
