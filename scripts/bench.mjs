#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): how fast `up` is against the sandbox's realistic profile,
// measured against what the data dependencies allow. Fresh state each run:
//   cold `up` → warm `up` (nothing changed) → `up` after a one-file change to one backend → `down`,
// plus `--help` against a bare `node -e 0` (median of 10), the CLI's peak RSS during `up`, and 5 IDs
// started together on one fresh simulated cluster (`lifesub sandbox serve`): how many succeed.
// The lower bound is computed HERE from the profile's durations over the true data dependencies of the
// lab (listed below, independent of src/graph), so a wrong graph cannot flatter itself.
// `--runs N` (default 1) repeats everything N times, each on fresh state; every run prints its own JSON
// line, and the last line of output is one JSON object with every figure: with N > 1 the median of the
// runs for each number (`concurrentIds.succeeded`: the worst run), and the per-run figures under `runs`.
// `--only concurrent` runs only the 5-ID trial.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bin, root, runBuiltCli, serveSandbox } from './lib/cli.mjs';

const PROFILE = 'realistic';
const ID = 'bench';
/** How many IDs start together on one fresh cluster (the shared ingress controller is installed once, by one of them). */
const CONCURRENT_IDS = 5;

function parseArgs(argv) {
  const opts = { runs: 1, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--only') opts.only = value();
    else throw new Error(`unknown argument ${argv[i]} (use --runs N, --only concurrent)`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs takes a whole number >= 1');
  if (opts.only !== undefined && opts.only !== 'concurrent') throw new Error('--only takes: concurrent');
  return opts;
}

// ------------------------------------------------------------------ the lower bounds

/**
 * The lab's true data dependencies: what each piece of work needs to START, and which profile
 * durations it takes (summed). Written from the walkthrough, not from src/graph.
 */
const TRUE_DEPENDENCIES = {
  clone: { needs: [], takes: ['gitClone'] }, // both repositories, in parallel
  'repo:ingress-nginx': { needs: [], takes: ['helmRepo'] },
  'repo:bitnami': { needs: [], takes: ['helmRepo'] },
  'docker-login': { needs: [], takes: ['dockerLogin'] },
  'ingress-install': { needs: ['repo:ingress-nginx'], takes: ['helmInstall'] },
  'ingress-address': { needs: ['ingress-install'], takes: ['loadBalancer'] }, // LB requested at install
  'web-address': { needs: [], takes: ['loadBalancer'] },
  'db-install': { needs: ['repo:bitnami'], takes: ['helmInstall'] }, // ×3, in parallel
  'db-ready': { needs: ['db-install'], takes: ['pvcBind', 'podStart', 'postgresReady'] },
  gradle: { needs: ['clone'], takes: ['gradleBuild'] },
  'backend-image': { needs: ['gradle'], takes: ['dockerBuildBackend'] }, // ×3
  'backend-push': { needs: ['backend-image', 'docker-login'], takes: ['dockerPush'] },
  'frontend-image': { needs: ['clone'], takes: ['dockerBuildFrontend'] }, // URLs come at run time (runtime-env.js)
  'frontend-push': { needs: ['frontend-image', 'docker-login'], takes: ['dockerPush'] },
  config: { needs: ['web-address', 'ingress-address'], takes: [] }, // CORS origin, runtime-env.js
  'backend-ready': { needs: ['backend-push', 'db-ready', 'config'], takes: ['podStart', 'springBootReady'] },
  'frontend-ready': { needs: ['frontend-push', 'config'], takes: ['podStart', 'nginxReady'] },
  'ingress-ready': { needs: ['ingress-install'], takes: ['podStart', 'ingressControllerReady'] },
  done: { needs: ['backend-ready', 'frontend-ready', 'ingress-ready', 'ingress-address'], takes: [] },
};

/** How many times the lab does each piece of work when done by hand, one after the other. */
const BY_HAND_COUNT = { 'repo:ingress-nginx': 1, 'repo:bitnami': 1, 'db-install': 3, 'db-ready': 3, 'backend-image': 3, 'backend-push': 3 };

function loadProfile() {
  const profile = parse(readFileSync(join(root, 'config', 'sandbox', 'profiles', `${PROFILE}.yaml`), 'utf8'));
  const ms = (name) => {
    const d = profile.durations[name];
    if (typeof d !== 'number') throw new Error(`profile ${PROFILE} has no duration ${name}`);
    return d * profile.scale;
  };
  return { profile, ms };
}

function bounds() {
  const { ms } = loadProfile();
  const cost = (name) => TRUE_DEPENDENCIES[name].takes.reduce((sum, d) => sum + ms(d), 0);
  const finish = new Map();
  const finishOf = (name) => {
    if (!finish.has(name)) finish.set(name, Math.max(0, ...TRUE_DEPENDENCIES[name].needs.map(finishOf)) + cost(name));
    return finish.get(name);
  };
  const criticalPathMs = finishOf('done');
  const sequentialMs = Object.keys(TRUE_DEPENDENCIES).reduce((sum, name) => sum + cost(name) * (BY_HAND_COUNT[name] ?? 1), 0);
  return { criticalPathMs: Math.round(criticalPathMs), sequentialMs: Math.round(sequentialMs) };
}

// ------------------------------------------------------------------ running the CLI

/** `lifesub <args>` with the sandbox in the CLI's own process; rejects on a non-zero exit. */
async function runCli(home, args, label, extraEnv = {}) {
  const r = await runBuiltCli(args, {
    // The sandbox in the CLI's own process (as measured so far; a background one would outlive the bench).
    env: { ...process.env, LIFESUB_HOME: home, CI: '1', LIFESUB_SANDBOX_BACKGROUND: '0', ...extraEnv },
    rssFile: join(home, `rss-${label}.txt`),
  });
  if (process.env.LIFESUB_BENCH_EVENTS) appendFileSync(join(process.env.LIFESUB_BENCH_EVENTS, `${label}.ndjson`), r.stdout);
  if (r.code !== 0) throw new Error(`lifesub ${args.join(' ')} exited ${r.code}\n${r.stderr.slice(-2000)}`);
  return { events: r.events, wallMs: r.wallMs, rssMb: (r.rssKb ?? 0) / 1024, stderr: r.stderr };
}

const up = (home, label) => runCli(home, ['up', '--id', ID, '--sandbox', '--profile', PROFILE, '--yes', '--output', 'json', '--verbose'], label);

/** What a run did, from its own events: steps that did work (not skipped) and objects it applied. */
function tally(run) {
  const steps = run.events.filter((e) => e.type === 'step');
  const did = (re) => steps.filter((e) => re.test(e.step) && e.status === 'done').map((e) => e.step);
  const applied = run.events.filter((e) => e.type === 'log' && /^applied /.test(e.message)).map((e) => e.message.replace(/^applied /, ''));
  const summary = run.events.find((e) => e.type === 'summary');
  // Inside the graph: first step start → last step end (the summary's duration also counts starting
  // the simulated servers, which a real cluster does not need).
  const ts = steps.map((e) => e.ts);
  return {
    graphMs: Math.max(...ts) - Math.min(...ts),
    commandMs: summary.durationMs,
    gradleRuns: did(/^jars$/).length,
    builds: did(/^image:/).map((s) => s.slice('image:'.length)),
    pushes: did(/^push:/).map((s) => s.slice('push:'.length)),
    helmUpgrades: did(/^(database:|ingress$)/).length,
    dockerLogins: did(/^docker-login$/).length,
    applied,
    rolled: applied.filter((a) => a.startsWith('Deployment ')).map((a) => a.slice('Deployment '.length)),
  };
}

function changeOneBackendFile(home) {
  const src = join(home, 'sandbox', 'workspace', 'lifesub', 'member', 'src');
  const find = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        const f = find(p);
        if (f) return f;
      } else if (name.endsWith('.java')) return p;
    }
    return undefined;
  };
  const file = find(src);
  if (!file) throw new Error(`no .java file under ${src}`);
  appendFileSync(file, `\n// bench change ${Date.now()}\n`);
  return file;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function startupMs(args) {
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

// ------------------------------------------------------------------ 5 IDs on one cluster

/**
 * CONCURRENT_IDS students run `up` at the same moment against one fresh simulated cluster (each with
 * its own workspace): all of them need the shared ingress controller, which none has installed yet.
 */
async function concurrentIds() {
  const home = mkdtempSync(join(tmpdir(), 'lifesub-bench-ids-'));
  const serve = await serveSandbox({ ...process.env, LIFESUB_HOME: home, CI: '1' }, PROFILE);
  try {
    const ids = Array.from({ length: CONCURRENT_IDS }, (_, i) => `bench${i + 1}`);
    const started = Date.now();
    const results = await Promise.allSettled(
      ids.map((id) => runCli(home, ['up', '--id', id, '--sandbox', '--yes', '--output', 'json', '--workspace', join(home, `ws-${id}`)], `ids-${id}`)),
    );
    // The command, then lifesub's own error and hint lines (the SANDBOX banner says nothing about why).
    const why = (message) => {
      const lines = message.split('\n');
      return [lines[0], ...lines.filter((l) => /^(error|hint|warning):|^  \|/.test(l))].join(' | ');
    };
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${ids[i]}: ${why(r.reason.message)}`] : []));
    for (const f of failed) console.log(`  failed ${f}`);
    return { started: ids.length, succeeded: results.filter((r) => r.status === 'fulfilled').length, wallMs: Date.now() - started };
  } finally {
    await serve.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ main

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** One whole measurement on fresh state; resolves with its figures. */
async function measure(criticalPathMs, sequentialMs) {
  const home = mkdtempSync(join(tmpdir(), 'lifesub-bench-'));
  try {
    const cold = await up(home, 'cold');
    const c = tally(cold);
    console.log(
      `cold up:   ${Math.round(c.graphMs)} ms in the graph (${c.commandMs} ms command with sandbox start, ${Math.round(cold.wallMs)} ms wall); builds ${c.builds.join(',')}; peak RSS ${round(cold.rssMb, 1)} MB`,
    );

    const warm = await up(home, 'warm');
    const w = tally(warm);
    console.log(
      `warm up:   ${Math.round(w.graphMs)} ms (${Math.round(warm.wallMs)} ms wall); gradle ${w.gradleRuns}, builds ${w.builds.length}, pushes ${w.pushes.length}, helm upgrades ${w.helmUpgrades}, applied ${w.applied.length}`,
    );

    const changed = changeOneBackendFile(home);
    const change = await up(home, 'change');
    const ch = tally(change);
    console.log(
      `change up: ${Math.round(ch.graphMs)} ms after editing ${changed.slice(home.length + 1)}; rebuilt ${ch.builds.join(',') || '-'}, pushed ${ch.pushes.join(',') || '-'}, rolled ${ch.rolled.join(',') || '-'}`,
    );

    const down = await runCli(home, ['down', '--id', ID, '--sandbox', '--profile', PROFILE, '--yes', '--output', 'json'], 'down');
    const downMs = down.events.find((e) => e.type === 'summary').durationMs;
    console.log(`down:      ${Math.round(downMs)} ms`);

    const helpMs = startupMs([bin, '--help']);
    const nodeMs = startupMs(['-e', '0']);
    console.log(`startup:   --help ${round(helpMs, 1)} ms, node -e 0 ${round(nodeMs, 1)} ms (medians of 10)`);

    const peakRssMb = Math.max(cold.rssMb, warm.rssMb, change.rssMb);
    const result = {
      profile: PROFILE,
      coldMs: Math.round(c.graphMs),
      coldCommandMs: c.commandMs,
      coldWallMs: Math.round(cold.wallMs),
      warmMs: Math.round(w.graphMs),
      warmCommandMs: w.commandMs,
      warmWallMs: Math.round(warm.wallMs),
      changeMs: Math.round(ch.graphMs),
      downMs: Math.round(downMs),
      criticalPathMs,
      sequentialMs,
      coldOverCritical: round(c.graphMs / criticalPathMs),
      coldOverSequential: round(c.graphMs / sequentialMs),
      warmOverCold: round(w.graphMs / c.graphMs),
      helpMs: round(helpMs, 1),
      nodeMs: round(nodeMs, 1),
      helpOverNode: round(helpMs / nodeMs),
      peakRssMb: round(peakRssMb, 1),
      warmGradleRuns: w.gradleRuns,
      warmBuilds: w.builds.length,
      warmPushes: w.pushes.length,
      warmHelmUpgrades: w.helmUpgrades,
      warmDockerLogins: w.dockerLogins,
      warmApplied: w.applied.length,
      changeRebuilt: ch.builds,
      changePushed: ch.pushes,
      changeRolled: ch.rolled,
    };
    const ids = await concurrentIds();
    console.log(`5 IDs:     ${ids.succeeded} of ${ids.started} succeeded, started together on one fresh cluster (${ids.wallMs} ms wall)`);
    return { ...result, concurrentIds: { started: ids.started, succeeded: ids.succeeded } };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The median of each number over the runs; a list or object the runs agree on, else every run's value. */
function summarise(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]);
    if (key === 'concurrentIds') out[key] = { started: values[0].started, succeeded: Math.min(...values.map((v) => v.succeeded)) };
    else if (typeof values[0] === 'number') out[key] = median(values);
    else out[key] = values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : values;
  }
  // Ratios of the medians would mix runs; the median of each run's own ratio is what is reported.
  return out;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.only === 'concurrent') {
  const results = [];
  for (let n = 1; n <= opts.runs; n++) {
    const ids = await concurrentIds();
    console.log(`run ${n}: ${ids.succeeded} of ${ids.started} IDs succeeded (${ids.wallMs} ms wall)`);
    results.push(ids);
  }
  console.log(JSON.stringify({ concurrentIds: { started: CONCURRENT_IDS, succeeded: Math.min(...results.map((r) => r.succeeded)) }, runs: results }));
} else {
  const { criticalPathMs, sequentialMs } = bounds();
  console.log(`profile ${PROFILE}: critical path over the true dependencies ${criticalPathMs} ms, by-hand sequential sum ${sequentialMs} ms`);
  const runs = [];
  for (let n = 1; n <= opts.runs; n++) {
    if (opts.runs > 1) console.log(`--- run ${n} of ${opts.runs}`);
    const result = await measure(criticalPathMs, sequentialMs);
    runs.push(result);
    if (opts.runs > 1) console.log(JSON.stringify({ run: n, ...result }));
  }
  console.log(JSON.stringify(opts.runs > 1 ? { ...summarise(runs), runs: runs.length, perRun: runs } : runs[0]));
}
