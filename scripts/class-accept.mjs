#!/usr/bin/env node
// `npm run class-accept [-- --students 10] [--profile realistic|fast]` (not part of `npm test`: a
// minute or two): issue 11's acceptance for a roster of N students on one fresh simulated cluster,
// driven as an instructor would, through the built CLI and the background sandbox.
//  1. A bystander namespace (with a ConfigMap) made by hand before lifesub runs.
//  2. `class up` with one student's registry refusing the import: N-1 ready, exit 1, the broken student
//     named with the cause and hint; four image builds in all, every one in the shared part.
//  3. The role granted (fault file emptied), `class up` again: exit 0, only that student touched.
//  4. Every student logs in through their own frontend's member route; the token opens their own
//     mysub and not the next student's (a route reaching someone else's backends would fail one way).
//  5. `class status`: N of N ready (exit 0). 6. `class down --yes`: no student namespace is left; the
//     bystander namespace and its ConfigMap are untouched.
// Prints one line per check and, last, one JSON object with every figure; exit 1 if any check failed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { FetchHttp } from '../dist/adapters/http.js';
import { formatClassTable } from '../dist/class/progress.js';
import { parseRuntimeEnv } from '../dist/steps/smoke-checks.js';
import { runBuiltCli } from './lib/cli.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const profile = flag('--profile', 'realistic');
const n = Number(flag('--students', '10'));
if (!Number.isInteger(n) || n < 2) throw new Error('--students must be an integer of at least 2');

const home = mkdtempSync(join(tmpdir(), 'lifesub-class-accept-'));
const faults = join(home, 'faults.yaml');
const roster = join(home, 'class.yaml');
const ids = Array.from({ length: n }, (_, i) => `stu${String(i + 1).padStart(2, '0')}`);
// Not the first student: the first registry is where the images are built, the others import from it.
const broken = ids[Math.min(6, n - 1)];
writeFileSync(roster, `students:\n${ids.map((id) => `  - id: ${id}\n`).join('')}`);
writeFileSync(faults, `importRefused: [${broken}cr]\n`);
const env = { ...process.env, LIFESUB_HOME: home, LIFESUB_SANDBOX_FAULTS: faults, CI: '1' };

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: !!ok, ...(detail ? { detail } : {}) });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
}

/** Runs the built CLI under `env`; resolves with exit code, stdout, stderr, NDJSON events and wall seconds. */
const cli = async (argv) => {
  const r = await runBuiltCli(argv, { env });
  return { ...r, wallS: Number((r.wallMs / 1000).toFixed(1)) };
};

const summaryOf = (r) => r.events.find((e) => e.type === 'class-summary') ?? { students: [] };
const builds = (r) => r.events.filter((e) => e.type === 'step' && String(e.step).startsWith('image:') && e.status === 'done');
const stepsOf = (r, id) => r.events.filter((e) => e.type === 'step' && e.id === id);
const phases = (r) => Object.fromEntries(summaryOf(r).students.map((s) => [s.id, s.phase]));

const http = new FetchHttp();
const opts = () => ({ signal: AbortSignal.timeout(15_000), timeoutMs: 10_000 });

/** Logs in as the lab's seeded user through the frontend's own runtime-env.js member URL. */
async function login(web) {
  const runtimeEnv = parseRuntimeEnv((await http.request({ method: 'GET', url: `${web}/runtime-env.js` }, opts())).body);
  const member = new URL(runtimeEnv.MEMBER_URL);
  // The sandbox's nip.io-style host carries the ingress address: connect there, as DNS would.
  const ingress = `${/^[^.]+\.(\d+\.\d+\.\d+\.\d+)\./.exec(member.hostname)?.[1] ?? member.hostname}:${member.port || '80'}`;
  const res = await http.request(
    {
      method: 'POST',
      url: `${runtimeEnv.MEMBER_URL}/login`,
      connectTo: ingress,
      headers: { Origin: web, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'user01', password: 'Passw0rd' }),
    },
    opts(),
  );
  const token = res.status === 200 ? JSON.parse(res.body).data.accessToken : undefined;
  return { status: res.status, token, mysub: runtimeEnv.MYSUB_URL, member: member.host, ingress };
}

async function categories(student, token) {
  const res = await http.request(
    { method: 'GET', url: `${student.mysub}/categories`, connectTo: student.ingress, headers: { Authorization: `Bearer ${token}` } },
    opts(),
  );
  return res.status;
}

const figures = { profile, students: n, broken, cpus: cpus().length, loadBefore: Number(loadavg()[0].toFixed(2)) };
let kube;
try {
  const start = await cli(['sandbox', 'start', '--profile', profile]);
  if (start.code !== 0) throw new Error(`sandbox start failed (exit ${start.code}):\n${start.stderr}`);
  const kc = new KubeConfig();
  kc.loadFromFile(join(home, 'sandbox', 'kubeconfig'));
  kube = kc.makeApiClient(CoreV1Api);
  await kube.createNamespace({ body: { metadata: { name: 'bystander' } } });
  await kube.createNamespacedConfigMap({ namespace: 'bystander', body: { metadata: { name: 'keep-me' }, data: { owner: 'instructor' } } });

  // 2. One registry refuses the import.
  const first = await cli(['class', 'up', '--sandbox', '--roster', roster, '-o', 'json']);
  figures.firstUpS = first.wallS;
  const p1 = phases(first);
  const ready1 = ids.filter((id) => p1[id] === 'ready');
  const brokenRow = summaryOf(first).students.find((s) => s.id === broken) ?? {};
  check(`first class up: exit 1`, first.code === 1, `exit ${first.code}, ${first.wallS} s`);
  check(`first class up: the other ${n - 1} ready`, ready1.length === n - 1 && !ready1.includes(broken), `${ready1.length} ready`);
  check(
    `first class up: ${broken} failed with its cause and hint`,
    brokenRow.phase === 'failed' && /403 AuthorizationFailed/.test(brokenRow.cause ?? '') && (brokenRow.hint ?? '').includes(`${broken}cr`),
    `${brokenRow.step}: ${brokenRow.cause}`,
  );
  // The table text mode prints at the end, from this run's own outcomes.
  const table = formatClassTable(summaryOf(first).students).split('\n');
  check(
    `first class up: the table lists ${broken} first, with the cause, and a hint line`,
    table[1]?.startsWith(`${broken} `) && /failed .*AuthorizationFailed/.test(table[1]) && table.some((l) => l.startsWith(`hint for ${broken}: `)),
    table[1],
  );
  const b1 = builds(first);
  check(
    `first class up: exactly 4 image builds, all shared`,
    b1.length === 4 && b1.every((e) => e.id === 'class'),
    `${b1.length} builds by ${[...new Set(b1.map((e) => e.id))].join(',')}`,
  );
  check(
    `first class up: no student built, pushed or packaged anything`,
    ids.every((id) => stepsOf(first, id).every((e) => !/^(image|push|jars)/.test(String(e.step)))),
  );
  figures.imageBuilds = b1.length;

  // 3. The instructor gets the role on that registry; the next run finishes only that student.
  writeFileSync(faults, '{}\n');
  const second = await cli(['class', 'up', '--sandbox', '--roster', roster, '-o', 'json']);
  figures.secondUpS = second.wallS;
  const p2 = phases(second);
  check(`second class up: exit 0`, second.code === 0, `exit ${second.code}, ${second.wallS} s`);
  check(`second class up: ${broken} ready, the others unchanged`, p2[broken] === 'ready' && ids.every((id) => id === broken || p2[id] === 'unchanged'));
  const touched = ids.filter((id) => stepsOf(second, id).length > 0);
  check(`second class up: only ${broken} ran steps`, touched.length === 1 && touched[0] === broken, `touched: ${touched.join(', ') || 'none'}`);
  check(`second class up: no image built`, builds(second).length === 0);

  // 4. Each student's login route reaches only that student's backends.
  const web = Object.fromEntries(summaryOf(second).students.map((s) => [s.id, s.web]));
  const sessions = [];
  for (const id of ids) sessions.push({ id, ...(await login(web[id])) });
  check(
    `all ${n} students log in through their own frontend`,
    sessions.every((s) => s.status === 200),
    sessions.map((s) => `${s.id}:${s.status}`).join(' '),
  );
  check(`every student has their own API host`, new Set(sessions.map((s) => s.member)).size === n);
  const own = await Promise.all(sessions.map((s) => categories(s, s.token)));
  const foreign = await Promise.all(sessions.map((s, i) => categories(sessions[(i + 1) % n], s.token)));
  check(
    `each token opens its own student's mysub`,
    own.every((c) => c === 200),
    own.join(' '),
  );
  check(
    `no token opens the next student's mysub`,
    foreign.every((c) => c !== 200),
    foreign.join(' '),
  );

  // 5. The class at a glance.
  const status = await cli(['class', 'status', '--sandbox', '--roster', roster, '-o', 'json']);
  const rows = status.events.find((e) => e.type === 'class-status')?.students ?? [];
  figures.readyInStatus = rows.filter((r) => r.ready).length;
  check(`class status: ${n} of ${n} ready, exit 0`, status.code === 0 && figures.readyInStatus === n, `${figures.readyInStatus} ready, exit ${status.code}`);

  // 6. Teardown keeps what lifesub did not create.
  const down = await cli(['class', 'down', '--sandbox', '--roster', roster, '--yes', '-o', 'json']);
  figures.downS = down.wallS;
  check(
    `class down: exit 0, ${n} removed`,
    down.code === 0 && Object.values(phases(down)).filter((p) => p === 'removed').length === n,
    `exit ${down.code}, ${down.wallS} s`,
  );
  const names = (await kube.listNamespace()).items.map((ns) => ns.metadata.name);
  const left = names.filter((name) => name.endsWith('-lifesub-ns'));
  check(`class down: no student namespace left`, left.length === 0, left.join(', '));
  const kept = names.includes('bystander') ? await kube.readNamespacedConfigMap({ namespace: 'bystander', name: 'keep-me' }) : undefined;
  check(`class down: the bystander namespace and its ConfigMap stay`, kept?.data?.owner === 'instructor');
} catch (err) {
  check('the run itself', false, err instanceof Error ? err.message : String(err));
} finally {
  await cli(['sandbox', 'stop']).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
figures.loadAfter = Number(loadavg()[0].toFixed(2));
const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} of ${results.length} checks passed`);
console.log(JSON.stringify({ ...figures, passed: failed.length === 0, checks: results }));
process.exitCode = failed.length === 0 ? 0 : 1;
