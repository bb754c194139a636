// The failure table (test/failures/table.ts) run row by row: input rows through the CLI in-process with
// no cluster anywhere (KUBECONFIG names a file that does not exist, so nothing can have been changed),
// world rows through the real step code against the sandbox's API server or fake tools failing in the
// real tools' words. Each row's exit code and first line must match, no output may carry a stack trace,
// and docs/failures.md must be the table (FAILURES_WRITE=1 rewrites it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatExitReport, toExitReport } from '../../src/cli/exit.js';
import { main } from '../../src/cli/main.js';
import { StepFailure } from '../../src/core/errors.js';
import { statusCauses } from '../../src/diagnosis/status.js';
import { DRIVERS, World } from '../failures/drivers.js';
import { FAILURES, type FailureRow } from '../failures/table.js';

const DOC = resolve(import.meta.dirname, '../../docs/failures.md');
let dir: string;
const world = new World();
const paths: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifesub-failures-'));
  paths['<file>'] = join(dir, 'a-file');
  paths['<dir>'] = join(dir, 'a-dir');
  paths['<badyaml>'] = join(dir, 'bad.yaml');
  paths['<unknownkey>'] = join(dir, 'unknown.yaml');
  paths['<nokubeconfig>'] = join(dir, 'no-such-kubeconfig');
  paths['<home>'] = join(dir, 'home');
  paths['<garbagekc>'] = join(dir, 'garbage-kubeconfig');
  writeFileSync(paths['<file>']!, 'not a directory\n');
  mkdirSync(paths['<dir>']!);
  mkdirSync(paths['<home>']!);
  writeFileSync(paths['<badyaml>']!, 'timeouts: [unclosed\n');
  writeFileSync(paths['<unknownkey>']!, 'timeoutz:\n  helm: 1m\n');
  writeFileSync(paths['<garbagekc>']!, '\u0000\u0001 not yaml: [\n');
  await world.start(dir);
});

afterAll(async () => {
  await world.close();
  rmSync(dir, { recursive: true, force: true });
});

const fill = (s: string): string => s.replace(/<[a-z]+>/g, (k) => paths[k] ?? k);
/** Undoes machine-specific parts so the first line is comparable. */
function normalise(line: string): string {
  return line
    .split(dir)
    .join('<tmp>')
    .replace(/(\b[a-z0-9-]+)-[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, '$1-<pod>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z \(\d+s ago\)/g, '<time> (<age> ago)');
}

/** The first line; "error: cannot start:" introduces a list, so its first item belongs to it. */
function firstLineOf(output: string): string {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  return /^error: cannot start( \(\d+ problems\))?:$/.test(first) && lines[1] ? `${first} ${lines[1]}` : first;
}

async function runInput(row: FailureRow): Promise<{ code: number; output: string }> {
  let output = '';
  const sink = new Writable({
    write(c, _e, cb) {
      output += String(c);
      cb();
    },
  });
  const saved = { ...process.env };
  const env = { LIFESUB_HOME: paths['<home>']!, KUBECONFIG: paths['<nokubeconfig>']!, ...row.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('LIFESUB_') || k.startsWith('AZURE_')) delete process.env[k];
  Object.assign(process.env, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)])));
  try {
    const code = await main((row.argv ?? []).map(fill), { stdout: sink, stderr: sink });
    return { code, output };
  } finally {
    process.env = saved;
  }
}

async function runWorld(row: FailureRow): Promise<{ code: number; output: string }> {
  const driver = DRIVERS[row.id];
  if (!driver) throw new Error(`no driver for world row ${row.id}`);
  const { step, error } = await driver(world);
  const report = toExitReport(new StepFailure(step, error));
  return { code: report.code, output: formatExitReport(report) };
}

const results = new Map<string, { code: number; first: string }>();

describe('the failure table', () => {
  test('has at least 40 rows, unique ids, every world row has a driver and every driver a row', () => {
    expect(FAILURES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(FAILURES.map((r) => r.id)).size).toBe(FAILURES.length);
    const worldIds = FAILURES.filter((r) => r.kind === 'world').map((r) => r.id);
    expect(worldIds.sort()).toEqual(Object.keys(DRIVERS).sort());
  });

  test.each(FAILURES.map((r) => [r.id, r] as const))('%s', async (_id, row) => {
    const { code, output } = row.kind === 'input' ? await runInput(row) : await runWorld(row);
    const first = normalise(firstLineOf(output));
    results.set(row.id, { code, first });
    expect(output, 'no stack trace without --verbose').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect({ code, first }, output).toEqual({ code: row.code, first: row.first });
  });

  test('status names the same causes as up and down (after the world rows above)', async () => {
    const signal = new AbortController().signal;
    const stuck = world.settings('stuckup');
    const namespace = await world.kube.get({ apiVersion: 'v1', kind: 'Namespace', name: stuck.namespace }, signal);
    const pulls = world.settings('pullauth');
    const [nsCauses, podCauses, lbCauses] = await Promise.all([
      statusCauses(world.kube, { settings: stuck, namespace, notReady: [], noAddress: [] }, signal),
      statusCauses(world.kube, { settings: pulls, namespace: undefined, notReady: [{ kind: 'Deployment', name: 'acr-denied' }], noAddress: [] }, signal),
      statusCauses(
        world.kube,
        { settings: world.settings('lbquota'), namespace: undefined, notReady: [], noAddress: [{ namespace: 'lbquota-lifesub-ns', name: 'lb-quota' }] },
        signal,
      ),
    ]);
    expect(nsCauses).toEqual([expect.objectContaining({ what: 'namespace stuckup-lifesub-ns', cause: expect.stringContaining('example.com/backup-guard') })]);
    expect(podCauses).toEqual([
      expect.objectContaining({
        what: 'deployment acr-denied',
        cause: expect.stringContaining('refused the pull (401 Unauthorized)'),
        hint: expect.stringContaining('--attach-acr pullauthcr'),
      }),
    ]);
    expect(lbCauses).toEqual([expect.objectContaining({ what: 'service lb-quota', hint: expect.stringContaining('PublicIPCountLimitReached') })]);
  });

  test('docs/failures.md is the table', () => {
    const text = renderDoc(FAILURES);
    if (process.env.FAILURES_WRITE) writeFileSync(DOC, text);
    if (process.env.FAILURES_RECORD) console.log(JSON.stringify(Object.fromEntries(results), null, 1));
    expect(readFileSync(DOC, 'utf8')).toBe(text);
  });
});

function renderDoc(rows: readonly FailureRow[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/`/g, "'");
  const lines = [
    '# Failures: what lifesub says when input or the world is wrong',
    '',
    'Generated from `test/failures/table.ts` and checked by `test/unit/failures.test.ts` (run with',
    '`FAILURES_WRITE=1` to rewrite it). Exit codes: 2 = bad input or configuration, nothing was changed;',
    '1 = the world failed (a step, a tool, the cluster). Input rows run with no cluster at all; world rows run',
    "the real step code against the sandbox's API server (its own wordings) or a tool failing in its real",
    'words. `<tmp>`, `<pod>`, `<port>` stand for machine-specific parts. No row prints a stack trace',
    '(only `--verbose` shows one, and only for bugs).',
    '',
    '| # | kind | what is wrong | input | exit | first line |',
    '|---|------|---------------|-------|------|------------|',
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${r.kind} | ${cell(r.what)} | ${
          r.argv
            ? `\`lifesub ${cell(r.argv.join(' '))}\`${
                r.env
                  ? ` with ${Object.entries(r.env)
                      .map(([k, v]) => `${k}=${v}`)
                      .join(' ')}`
                  : ''
              }`
            : ''
        } | ${r.code} | \`${cell(r.first)}\` |`,
    ),
    '',
  ];
  return lines.join('\n');
}
