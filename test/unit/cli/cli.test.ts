import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';

function capture() {
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(c, _e, cb) {
      out += String(c);
      cb();
    },
  });
  const stderr = new Writable({
    write(c, _e, cb) {
      err += String(c);
      cb();
    },
  });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('lifesub CLI', () => {
  it('documents every flag of up in --help and exits 0', async () => {
    const r = await run('up', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--id',
      '--workspace',
      '--kubeconfig',
      '--context',
      '--config',
      '--yes',
      '--output',
      '--timeout',
      '--verbose',
      '--dry-run',
      '--clean-legacy',
      '--sandbox',
    ]) {
      expect(r.out).toContain(flag);
    }
  });

  it('lists the commands in the top-level help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const c of ['up', 'down', 'render', 'status', 'list', 'sandbox', 'init', 'config', 'version', 'completion'])
      expect(r.out).toMatch(new RegExp(`\\n\\s+${c}\\b`));
  });

  it('documents down flags', async () => {
    const r = await run('down', '--help');
    for (const flag of ['--include-ingress', '--keep-data', '--yes', '--dry-run']) expect(r.out).toContain(flag);
  });

  it('rejects an invalid ID with exit 2, naming the rule and a valid example', async () => {
    const r = await run('up', '--id', 'Bad_ID', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/DNS-1123|lowercase/i);
    expect(r.err).toMatch(/letters and digits/i);
    expect(r.err).toMatch(/alice/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports every invalid input at once', async () => {
    const r = await run('up', '--id', 'Bad_ID', '--timeout', 'soon', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Bad_ID/);
    expect(r.err).toMatch(/soon/);
  });

  it('exits 2 on an unknown flag or a missing ID', async () => {
    expect((await run('up', '--id', 'alice', '--frobnicate')).code).toBe(2);
    const missing = await run('up', '--dry-run');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--id/);
  });

  it('prints the plan for --dry-run in dependency order without touching anything', async () => {
    const r = await run('up', '--id', 'alice', '--dry-run', '--kubeconfig', '/nonexistent/kubeconfig');
    expect(r.code).toBe(0);
    const order = [...r.out.matchAll(/^\s*\d+\. (\S+) /gm)].map((m) => m[1]);
    expect(order.indexOf('apply')).toBeGreaterThan(order.indexOf('config'));
    expect(order.indexOf('readiness')).toBeGreaterThan(order.indexOf('apply'));
    expect(order.indexOf('smoke')).toBe(order.length - 1);
    expect(r.out).toContain('alice-lifesub-ns');
    expect(r.out).toContain('Dry run: nothing was changed.');
  });

  it('prints the plan as one JSON object with --output json', async () => {
    const r = await run('up', '--id', 'alice', '--dry-run', '--output', 'json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out.trim()) as { type: string; steps: Array<{ step: string }> };
    expect(plan.type).toBe('plan');
    expect(plan.steps.map((s) => s.step)).toContain('push:lifesub-web');
  });
});
