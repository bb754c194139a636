// `node --import ./scripts/rss-probe.mjs …`: writes the process's peak resident set size (KiB, from
// getrusage) to the file named by LIFESUB_RSS_OUT when the process exits. Used by scripts/bench.mjs.
import { writeFileSync } from 'node:fs';

const out = process.env.LIFESUB_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
