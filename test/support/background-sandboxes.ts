// Background sandboxes started by tests (the first `--sandbox` command of a test that opts into the
// background mode starts one; it outlives the command by design). Every CLI the tests spawn carries
// LIFESUB_TEST_RUN (a directory the global setup makes); its LIFESUB_HOMEs are recorded there, and
// the global teardown stops the sandbox of each, then anything else still carrying the marker.
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runningServe } from '../../src/sandbox/attach.js';
import { stopSandbox } from '../../src/sandbox/background.js';
import { sandboxPaths } from '../../src/sandbox/home.js';
import { isRunning, pidIn, waitForExit } from '../../src/sandbox/processes.js';
import { processesMentioning } from '../e2e/helpers/processes.js';

/** Set by the global setup to this test run's directory; passed to every spawned CLI. */
export const TEST_RUN_VAR = 'LIFESUB_TEST_RUN';

/** Records a LIFESUB_HOME a CLI of this test run uses. */
export function trackHome(home: string | undefined): void {
  const run = process.env[TEST_RUN_VAR];
  if (run && home && existsSync(run)) appendFileSync(join(run, 'homes'), `${home}\n`);
}

/** Kills (SIGKILL, synchronously) the sandbox serving `home`: its directory is about to be deleted. */
export function killSandboxOf(home: string): void {
  const paths = sandboxPaths(home);
  const pids = [runningServe(paths.serveFile)?.pid, pidIn(paths.servePidFile)];
  for (const pid of pids) {
    if (pid === undefined || !isRunning(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Stops every sandbox the test run started; returns what had to be killed by the marker (should be nothing). */
export async function stopTrackedSandboxes(run: string): Promise<string[]> {
  let homes: string[] = [];
  try {
    homes = [...new Set(readFileSync(join(run, 'homes'), 'utf8').split('\n').filter(Boolean))];
  } catch {
    // no CLI ran
  }
  for (const home of homes) if (existsSync(home)) await stopSandbox(home, 5_000);
  // Homes deleted while their sandbox ran (the sandbox exits by itself then, within its watchdog period).
  const left = processesMentioning(`${TEST_RUN_VAR}=${run}`).filter((p) => p.cmdline.includes('sandbox serve'));
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    await waitForExit(p.pid, 5_000);
  }
  rmSync(run, { recursive: true, force: true });
  return left.map((p) => `${p.pid} ${p.cmdline}`);
}
