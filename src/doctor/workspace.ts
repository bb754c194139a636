// The workspace: the two repositories are cloned into it, so it must be a directory lifesub may write
// (or a path where one can be created), on a file system with room for the clones and the builds.
import type { DirState } from '../adapters/types.js';
import type { Check, CheckContext, CheckOutcome } from './check.js';
import { NOT_AVAILABLE } from './probe.js';

const WHY = 'the lifesub and lifesub-web repositories are cloned and built in it';

/** Below this, `up` is refused: two clones, their build outputs and jars (estimate, ~300 MB) plus headroom. */
export const MIN_FREE_BYTES = 1024 ** 3;
/** Below this, a warning: Gradle's dependency cache and docker's build cache also grow on a lab VM (estimate). */
export const LOW_FREE_BYTES = 3 * 1024 ** 3;

async function inspect(ctx: CheckContext): Promise<DirState | undefined> {
  return ctx.adapters.host?.inspectDir(ctx.settings.workspace, ctx.signal);
}

export const workspaceCheck: Check = {
  name: 'workspace',
  title: 'workspace is a writable directory',
  why: WHY,
  async run(ctx): Promise<CheckOutcome> {
    const state = await inspect(ctx);
    if (!state) return NOT_AVAILABLE;
    const ws = ctx.settings.workspace;
    const fix = `pass --workspace with a directory you own (or move ${state.existingAncestor} out of the way)`;
    if (state.kind === 'file' || state.kind === 'other') {
      const what =
        state.existingAncestor === ws
          ? `the workspace ${ws} is a file, not a directory`
          : `the workspace ${ws} cannot be created: ${state.existingAncestor} is a file`;
      return { problems: [{ what, why: WHY, fix, origin: 'input' }] };
    }
    if (!state.writable) {
      return {
        problems: [
          {
            what: `no permission to write in ${state.existingAncestor}`,
            why: WHY,
            fix: `pass --workspace with a directory you own, or \`sudo chown -R $USER ${state.existingAncestor}\``,
            origin: 'input',
          },
        ],
      };
    }
    return { message: state.kind === 'missing' ? `${ws} (will be created in ${state.existingAncestor})` : ws };
  },
};

export const diskCheck: Check = {
  name: 'disk',
  title: 'free disk for the workspace',
  why: WHY,
  async run(ctx): Promise<CheckOutcome> {
    const state = await inspect(ctx);
    if (!state) return NOT_AVAILABLE;
    if (!Number.isFinite(state.freeBytes)) return { skipped: `could not read the free space of ${state.existingAncestor}` };
    const free = `${formatBytes(state.freeBytes)} free on the file system of ${state.existingAncestor}`;
    const fix = 'free some space (`docker system prune`, `rm -rf ~/.gradle/caches`) or pass --workspace on another disk';
    if (state.freeBytes < MIN_FREE_BYTES) {
      return { problems: [{ what: `only ${free}`, why: `${WHY}; they need about ${formatBytes(MIN_FREE_BYTES)}`, fix, origin: 'world' }] };
    }
    if (state.freeBytes < LOW_FREE_BYTES) {
      return { message: free, problems: [{ what: `only ${free}`, why: 'builds and caches may fill it', fix, origin: 'world', blocking: false }] };
    }
    return { message: free };
  },
};

/** 1536 → "1.5 KiB"; binary units, one decimal below 10. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value < 10 && i > 0 ? value.toFixed(1) : Math.round(value)} ${units[i]}`;
}
