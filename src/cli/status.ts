import { Command } from 'commander';
import { EXIT } from '../core/errors.js';
import type { Status } from '../status/collect.js';
import { addClusterOptions, addIdOption, type CommonFlags } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

export function statusCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('status').description('Show what exists for your ID and whether it is ready (exit 0 ready, 1 not ready)');
  addClusterOptions(addIdOption(cmd))
    .option('--config <file>', 'YAML file overriding config/default.yaml')
    .option('-o, --output <format>', 'text or json', 'text')
    .option('--sandbox', 'look at the simulated cluster under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile', 'fast')
    .action(
      wrap(async (flags: CommonFlags) => {
        // Loaded on use, so `status --help` stays instant (see src/compose.ts).
        const [{ resolveSettings }, { compose }, { collectStatus }, { forceExit, runSignal }] = await Promise.all([
          import('../config/load.js'),
          import('../compose.js'),
          import('../status/collect.js'),
          import('./signals.js'),
        ]);
        const settings = resolveSettings(flags);
        const run = runSignal(undefined, undefined, forceExit);
        const runtime = await compose(settings, flags.sandbox ? { profile: flags.profile ?? 'fast', workspaceGiven: false } : undefined);
        try {
          const status = await collectStatus(runtime.settings, runtime.adapters, run.signal);
          if (flags.output === 'json') io.stdout.write(`${JSON.stringify({ type: 'status', ...status, ...(runtime.sandbox ? { sandbox: true } : {}) })}\n`);
          else io.stdout.write(`${formatStatus(status, !!runtime.sandbox)}\n`);
          return status.ready ? EXIT.ok : EXIT.failed;
        } finally {
          await runtime.close();
          run.dispose();
        }
      }),
    );
  return cmd;
}

function formatStatus(s: Status, sandbox: boolean): string {
  const lines = [`id ${s.id}${sandbox ? '  (SANDBOX)' : ''}`, `namespace ${s.namespace}: ${s.namespaceState}`];
  if (s.namespaceState === 'not-lifesub') lines.push('  exists but was not created by lifesub for this ID');
  for (const r of s.releases) lines.push(`  release ${r.name}: ${r.status} (${r.chart})`);
  for (const w of s.workloads) lines.push(`  ${w.kind.toLowerCase()} ${w.name}: ${w.desired === 0 ? 'missing' : `${w.ready}/${w.desired} ready`}`);
  for (const c of s.causes ?? []) lines.push(`  ${c.what}: ${c.cause}`, ...(c.hint ? [`    hint: ${c.hint}`] : []));
  if (s.urls.web) lines.push(`web: ${s.urls.web}`);
  if (s.urls.api) lines.push(`api: ${s.urls.api}`);
  lines.push(s.ready ? 'ready' : 'not ready');
  return lines.join('\n');
}
