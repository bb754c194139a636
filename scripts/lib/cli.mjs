// The built CLI as the measuring scripts (bench, class-bench, class-accept) drive it: one command at a
// time with its output collected, or `lifesub sandbox serve` in a process of its own. Optional peak
// RSS through scripts/rss-probe.mjs (getrusage at exit, KiB, written to `rssFile`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(root, 'bin', 'lifesub');
const rssProbe = join(root, 'scripts', 'rss-probe.mjs');

const nodeArgs = (rssFile) => (rssFile ? ['--import', rssProbe, bin] : [bin]);

/**
 * Runs `lifesub <argv>` to its end. `env` is the whole environment (add LIFESUB_RSS_OUT yourself when
 * `rssFile` is given). Resolves with the exit code, stdout, stderr, the NDJSON events of stdout, the
 * wall time in ms and the peak RSS in KiB (undefined without `rssFile` or when the probe wrote none).
 */
export function runBuiltCli(argv, { env, rssFile } = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(rssFile), ...argv], {
      env: { ...(env ?? process.env), ...(rssFile ? { LIFESUB_RSS_OUT: rssFile } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const events = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      resolveRun({ code, stdout, stderr, events, wallMs: Number(process.hrtime.bigint() - started) / 1e6, rssKb: readKb(rssFile) });
    });
  });
}

/** A KiB figure the RSS probe wrote, or undefined. */
export function readKb(file) {
  if (!file) return undefined;
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Starts `lifesub sandbox serve --profile <profile>` under `env` and resolves once it prints its
 * kubeconfig, with `{ kubeconfig, stop }` (`stop`: SIGTERM, SIGKILL after 10 s, resolves at exit).
 * Rejects when it exits first or says nothing for 60 s.
 */
export function serveSandbox(env, profile, { rssFile } = {}) {
  const child = spawn(process.execPath, [...nodeArgs(rssFile), 'sandbox', 'serve', '--profile', profile], {
    env: { ...env, ...(rssFile ? { LIFESUB_RSS_OUT: rssFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((r) => child.on('close', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolveServe, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`lifesub sandbox serve printed no kubeconfig within 60 s:\n${out.slice(-2000)}`));
    }, 60_000);
    const onData = (c) => {
      out += c;
      const m = /^kubeconfig: (.+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveServe({ kubeconfig: m[1].trim(), stop });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`lifesub sandbox serve exited (${code}) before serving:\n${out.slice(-2000)}`));
    });
  });
}
