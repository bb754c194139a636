#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): how fast `up` is against the sandbox's realistic profile,
// measured against what the data dependencies allow. Fresh state each run:
//   cold `up` → warm `up` (nothing changed) → `up` after a one-file change to one backend → `down`,
// plus `--help` against a bare `node -e 0` (median of 10) and the CLI's peak RSS during `up`.
// The lower bound is computed HERE from the profile's durations over the true data dependencies of the
// lab (listed below, independent of src/graph), so a wrong graph cannot flatter itself.
// The last line of output is one JSON object with every figure.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'lifesub');
const rssProbe = join(root, 'scripts', 'rss-probe.mjs');
const PROFILE = 'realistic';
const ID = 'bench';

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

function runCli(home, args, label) {
  const rssFile = join(home, `rss-${label}.txt`);
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', rssProbe, bin, ...args], {
      // The sandbox in the CLI's own process (as measured so far; a background one would outlive the bench).
      env: { ...process.env, LIFESUB_HOME: home, LIFESUB_RSS_OUT: rssFile, CI: '1', LIFESUB_SANDBOX_BACKGROUND: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const events = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      let rssKb = 0;
      try {
        rssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {}
      if (process.env.LIFESUB_BENCH_EVENTS) appendFileSync(join(process.env.LIFESUB_BENCH_EVENTS, `${label}.ndjson`), stdout);
      if (code !== 0) return reject(new Error(`lifesub ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`));
      resolvePromise({ events, wallMs, rssMb: rssKb / 1024 });
    });
  });
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

// ------------------------------------------------------------------ main

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const home = mkdtempSync(join(tmpdir(), 'lifesub-bench-'));
try {
  const { criticalPathMs, sequentialMs } = bounds();
  console.log(`profile ${PROFILE}: critical path over the true dependencies ${criticalPathMs} ms, by-hand sequential sum ${sequentialMs} ms`);

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
  console.log(JSON.stringify(result));
} finally {
  rmSync(home, { recursive: true, force: true });
}
