// The picture of the step graphs (docs/graph.md), generated from the graph files themselves so it
// cannot drift from them: `npm run graph` writes it, test/unit/graph/picture.test.ts fails when the
// committed file differs. Step names and edges do not depend on the ID, only on the configured services.
import type { Settings } from '../config/schema.js';
import { downSteps } from './down.js';
import type { Step } from './step.js';
import { topoOrder } from './validate.js';
import { upSteps } from './up.js';

/** The whole of docs/graph.md for `settings`' services, as Markdown with Mermaid flowcharts. */
export function graphMarkdown(settings: Settings): string {
  const up = upSteps(settings, { cleanLegacy: false });
  const down = downSteps(settings, { keepData: false, includeIngress: false });
  return [
    '# The step graphs of `up` and `down`',
    '',
    '<!-- Generated from src/graph/up.ts and src/graph/down.ts by `npm run graph`; do not edit by hand.',
    '     test/unit/graph/picture.test.ts fails when this file differs from what the code generates. -->',
    '',
    'Each step starts as soon as every step it comes after is done (bounded by its pool). A step reads',
    'only facts written by steps it comes after (checked by `validateGraph`, src/graph/validate.ts);',
    '`images.member` is the `member` entry of the per-service record `images`.',
    '',
    '## `up`',
    '',
    ...flowchart(up),
    '',
    ...table(up),
    '',
    'Options change the graph:',
    '',
    ...variant('`--clean-legacy`', up, upSteps(settings, { cleanLegacy: true })),
    ...variant('`--reset-data`', up, upSteps(settings, { cleanLegacy: false, resetData: true })),
    '',
    '## `down`',
    '',
    ...flowchart(down),
    '',
    ...table(down),
    '',
    'Options change the graph:',
    '',
    ...variant('`--include-ingress`', down, downSteps(settings, { keepData: false, includeIngress: true })),
    '',
  ].join('\n');
}

function nodeId(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_');
}

function flowchart(steps: readonly Step[]): string[] {
  const order = topoOrder(steps);
  return [
    '```mermaid',
    'flowchart LR',
    ...order.map((s) => `  ${nodeId(s.name)}["${s.name}"]`),
    ...order.flatMap((s) => s.needs.map((n) => `  ${nodeId(n)} --> ${nodeId(s.name)}`)),
    '```',
  ];
}

function list(items: readonly string[] | undefined): string {
  return items && items.length > 0 ? items.map((i) => `\`${i}\``).join(', ') : '';
}

function table(steps: readonly Step[]): string[] {
  return [
    '| step | after | reads | writes | pool | changes nothing |',
    '| --- | --- | --- | --- | --- | --- |',
    ...topoOrder(steps).map(
      (s) => `| \`${s.name}\` | ${list(s.needs)} | ${list(s.reads)} | ${list(s.writes)} | ${s.pool ?? ''} | ${s.readOnly ? 'yes' : ''} |`,
    ),
  ];
}

/** One bullet per step the option adds or rewires, compared with the default graph. */
function variant(option: string, base: readonly Step[], changed: readonly Step[]): string[] {
  const before = new Map(base.map((s) => [s.name, s]));
  const lines = topoOrder(changed).flatMap((s) => {
    const old = before.get(s.name);
    if (!old) return [`  - adds \`${s.name}\`, after ${list(s.needs)}`];
    const added = s.needs.filter((n) => !old.needs.includes(n));
    return added.length > 0 ? [`  - \`${s.name}\` also comes after ${list(added)}`] : [];
  });
  const removed = base.filter((s) => !changed.some((c) => c.name === s.name)).map((s) => `  - leaves out \`${s.name}\``);
  return [`- ${option}:`, ...lines, ...removed];
}
