#!/usr/bin/env node
// `npm run class-bench [-- 1 10 40] [--profile realistic|fast]` (not part of `npm test`): how `lifesub
// class up` grows with the class, on one fresh simulated cluster per size, concurrency default. For
// each size: wall time, time per student, the peak RSS (getrusage via scripts/rss-probe.mjs) of the CLI
// and, separately, of the simulated world (`lifesub sandbox serve` in its own process; helm children
// excluded),
// image builds (must stay 4) and how many students ended ready. Also the machine's load, since the
// machine may be shared. The last line of output is one JSON object with every figure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'lifesub');
const rssProbe = join(root, 'scripts', 'rss-probe.mjs');

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profile = profileAt >= 0 ? args[profileAt + 1] : 'realistic';
const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== profileAt + 1).map(Number);
if (sizes.length === 0) sizes.push(1, 10);

/** Starts `lifesub sandbox serve` (its peak RSS goes to `rssFile`); resolves once it serves, with a stop function. */
function serve(home, rssFile) {
  const child = spawn(process.execPath, ['--import', rssProbe, bin, 'sandbox', 'serve', '--profile', profile], {
    env: { ...process.env, LIFESUB_HOME: home, LIFESUB_RSS_OUT: rssFile, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.on('close', r));
  return new Promise((resolveServe, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('kubeconfig:')) resolveServe({ stop: () => (child.kill('SIGINT'), exited) });
    });
    child.on('error', reject);
    exited.then((code) => reject(new Error(`sandbox serve exited (${code}) before serving`)));
  });
}

const readRss = (file) => {
  try {
    return Math.round(Number(readFileSync(file, 'utf8')) / 1024);
  } catch {
    return undefined;
  }
};

/** Runs `class up` for `n` students in a fresh LIFESUB_HOME against a served sandbox; resolves with the figures. */
async function classUp(n) {
  const home = mkdtempSync(join(tmpdir(), `lifesub-class-bench-${n}-`));
  const roster = join(home, 'class.yaml');
  const ids = Array.from({ length: n }, (_, i) => `stu${String(i + 1).padStart(2, '0')}`);
  writeFileSync(roster, `students:\n${ids.map((id) => `  - id: ${id}\n`).join('')}`);
  const rssFile = join(home, 'rss');
  const serveRssFile = join(home, 'serve-rss');
  const served = await serve(home, serveRssFile);
  const load = loadavg()[0];
  const started = Date.now();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', rssProbe, bin, 'class', 'up', '--sandbox', '--profile', profile, '--roster', roster, '-o', 'json'], {
      env: { ...process.env, LIFESUB_HOME: home, LIFESUB_RSS_OUT: rssFile, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', async (code) => {
      const wallS = (Date.now() - started) / 1000;
      await served.stop();
      const events = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      const summary = events.find((e) => e.type === 'class-summary');
      const builds = events.filter((e) => e.type === 'step' && String(e.step).startsWith('image:') && e.status === 'done').length;
      const rssMiB = readRss(rssFile);
      const sandboxRssMiB = readRss(serveRssFile);
      rmSync(home, { recursive: true, force: true });
      if (!summary) {
        reject(new Error(`class up for ${n} students printed no summary (exit ${code}):\n${stderr.slice(-2000)}`));
        return;
      }
      const ready = summary.students.filter((s) => s.phase === 'ready' || s.phase === 'unchanged').length;
      resolveRun({
        students: n,
        exit: code,
        ready,
        builds,
        wallS: Number(wallS.toFixed(1)),
        perStudentS: Number((wallS / n).toFixed(2)),
        peakRssMiB: rssMiB,
        sandboxPeakRssMiB: sandboxRssMiB,
        loadBefore: Number(load.toFixed(2)),
        loadAfter: Number(loadavg()[0].toFixed(2)),
      });
    });
  });
}

const results = [];
for (const n of sizes) {
  const r = await classUp(n);
  results.push(r);
  console.log(
    `${String(n).padStart(3)} students: ${r.ready}/${n} ready, ${r.builds} image builds, ${r.wallS}s wall, ${r.perStudentS}s per student, peak RSS ${r.peakRssMiB} MiB (simulated world ${r.sandboxPeakRssMiB} MiB) (load ${r.loadBefore} → ${r.loadAfter})`,
  );
}
console.log(JSON.stringify({ profile, cpus: cpus().length, results }));
