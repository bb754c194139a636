#!/usr/bin/env node
// `npm run class-bench [-- 1 10 40] [--profile realistic|fast]` (not part of `npm test`): how `lifesub
// class up` grows with the class, on one fresh simulated cluster per size, concurrency default. For
// each size: wall time, time per student, the peak RSS (getrusage via scripts/rss-probe.mjs) of the CLI
// and, separately, of the simulated world (`lifesub sandbox serve` in its own process; helm children
// excluded),
// image builds (must stay 4) and how many students ended ready. Also the machine's load, since the
// machine may be shared. The last line of output is one JSON object with every figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKb, runBuiltCli, serveSandbox } from './lib/cli.mjs';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profile = profileAt >= 0 ? args[profileAt + 1] : 'realistic';
const sizes = args.filter((a, i) => /^\d+$/.test(a) && (profileAt < 0 || i !== profileAt + 1)).map(Number);
if (sizes.length === 0) sizes.push(1, 10);

/** Runs `class up` for `n` students in a fresh LIFESUB_HOME against a served sandbox; resolves with the figures. */
async function classUp(n) {
  const home = mkdtempSync(join(tmpdir(), `lifesub-class-bench-${n}-`));
  const roster = join(home, 'class.yaml');
  const ids = Array.from({ length: n }, (_, i) => `stu${String(i + 1).padStart(2, '0')}`);
  writeFileSync(roster, `students:\n${ids.map((id) => `  - id: ${id}\n`).join('')}`);
  const env = { ...process.env, LIFESUB_HOME: home, CI: '1' };
  const serveRssFile = join(home, 'serve-rss');
  const served = await serveSandbox(env, profile, { rssFile: serveRssFile });
  const load = loadavg()[0];
  try {
    const r = await runBuiltCli(['class', 'up', '--sandbox', '--profile', profile, '--roster', roster, '-o', 'json'], { env, rssFile: join(home, 'rss') });
    await served.stop();
    const summary = r.events.find((e) => e.type === 'class-summary');
    if (!summary) throw new Error(`class up for ${n} students printed no summary (exit ${r.code}):\n${r.stderr.slice(-2000)}`);
    const wallS = r.wallMs / 1000;
    return {
      students: n,
      exit: r.code,
      ready: summary.students.filter((s) => s.phase === 'ready' || s.phase === 'unchanged').length,
      builds: r.events.filter((e) => e.type === 'step' && String(e.step).startsWith('image:') && e.status === 'done').length,
      wallS: Number(wallS.toFixed(1)),
      perStudentS: Number((wallS / n).toFixed(2)),
      peakRssMiB: mib(r.rssKb),
      sandboxPeakRssMiB: mib(readKb(serveRssFile)),
      loadBefore: Number(load.toFixed(2)),
      loadAfter: Number(loadavg()[0].toFixed(2)),
    };
  } finally {
    await served.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

const mib = (kb) => (kb === undefined ? undefined : Math.round(kb / 1024));

const results = [];
for (const n of sizes) {
  const r = await classUp(n);
  results.push(r);
  console.log(
    `${String(n).padStart(3)} students: ${r.ready}/${n} ready, ${r.builds} image builds, ${r.wallS}s wall, ${r.perStudentS}s per student, peak RSS ${r.peakRssMiB} MiB (simulated world ${r.sandboxPeakRssMiB} MiB) (load ${r.loadBefore} → ${r.loadAfter})`,
  );
}
console.log(JSON.stringify({ profile, cpus: cpus().length, results }));
