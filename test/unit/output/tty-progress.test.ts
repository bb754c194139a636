import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TtyProgress } from '../../../src/output/tty-progress.js';
import { capture, fakeSteps, runFake, SPINNER, steppingClock } from './harness.js';

// listr2 wraps to process.stdout's width: pin the terminal to 80 columns for these tests.
const columns = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
beforeAll(() => Object.defineProperty(process.stdout, 'columns', { value: 80, configurable: true }));
afterAll(() => {
  if (columns) Object.defineProperty(process.stdout, 'columns', columns);
  else delete (process.stdout as { columns?: number }).columns;
});

/** Every frame log-update drew (it erases the previous frame before each), without escape codes. */
function frames(raw: string): string[] {
  return raw
    .split(/\u001b\[2K(?:\u001b\[1A\u001b\[2K)*\u001b\[G/)
    .map((f) => stripVTControlCharacters(f))
    .filter((f) => f.trim() !== '');
}

/** The last frame: what stays on the screen once the list is released. */
function lastFrame(raw: string): string {
  const all = frames(raw);
  return all[all.length - 1]!;
}

const titles = new Map(fakeSteps().map((s) => [s.title, s]));
const stepOf = (line: string) => [...titles.entries()].find(([title]) => line.slice(2).startsWith(title))?.[1];

describe('live progress in a terminal (listr2, 80 columns)', () => {
  let raw = '';
  beforeAll(async () => {
    const out = capture(true);
    const now = steppingClock();
    // NO_COLOR: colour is off, so these frames must hold no colour codes at all.
    await runFake(new TtyProgress(out, { color: false, now }), { now });
    await new Promise((r) => setTimeout(r, 20)); // a redraw still pending would come now
    raw = out.text();
  });

  it('draws the final list: done with results and times, "already done" once, no ⚠, 80 columns', () => {
    const screen = lastFrame(raw);
    expect(screen).toMatchSnapshot();
    expect(screen).not.toContain('⚠');
    expect(screen.match(/Get the lab sources/g)).toHaveLength(1);
    expect(screen).toContain('Get the lab sources: already done (both repositories already present)');
    for (const line of frames(raw).flatMap((f) => f.split('\n'))) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('no step is drawn running before the steps it needs are done; waiting ones say for what', () => {
    const all = frames(raw);
    expect(all.length).toBeGreaterThan(3); // frames while it ran, not only the last
    let sawWaiting = false;
    for (const frame of all) {
      const lines = frame.split('\n');
      const done = new Set(lines.filter((l) => l.startsWith('✔')).map((l) => stepOf(l)?.name));
      for (const line of lines.filter((l) => SPINNER.test(l.charAt(0)))) {
        const s = stepOf(line);
        expect(s, line).toBeDefined();
        for (const need of s!.needs) expect(done.has(need), `${s!.name} running before ${need} is done:\n${frame}`).toBe(true);
      }
      if (lines.some((l) => /^◼ Wait until everything runs \(waiting for (database:member, )?image:member\)$/.test(l))) sawWaiting = true;
    }
    expect(sawWaiting, 'readiness was shown waiting for its needs').toBe(true);
  });

  it('a running step shows elapsed time / limit and its live status; tool output only as its last lines', () => {
    const all = frames(raw);
    expect(all.some((f) => /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Wait until everything runs \(\d+s \/ 15m\): [01]\/2 ready; waiting for /m.test(f))).toBe(true);
    const jars = all.find((f) => f.includes('› BUILD SUCCESSFUL in 1s'));
    expect(jars, 'the last tool line under the running step').toBeDefined();
    expect(jars).not.toContain('› > Task :member:compileJava'); // collapsed to the last 3 lines
    expect(lastFrame(raw)).not.toContain('›'); // and gone once the step is done
  });

  it('the list stays on screen once, and the cursor is shown again at the end', () => {
    expect(raw.endsWith('\u001b[?25h')).toBe(true);
    expect(lastFrame(raw).match(/Check the application answers/g)).toHaveLength(1);
  });

  it('NO_COLOR: no colour codes', () => {
    expect(raw).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it('a failed step: ✖ with the error, dependents not run, its whole tool output after the list', async () => {
    const out = capture(true);
    const now = steppingClock();
    await runFake(new TtyProgress(out, { color: false, now }), { failImage: true, now });
    const screen = stripVTControlCharacters(out.text().slice(out.text().lastIndexOf('\u001b[G')));
    expect(screen).toMatchSnapshot();
    expect(screen).toMatch(/^✖ Build image member: docker build exited with code 1/m);
    expect(screen).toContain('output of image:member:\n  #1 [internal] load build definition from Dockerfile\n  #2 DONE 0.4s\n  #3 exporting to image\n');
  });
});
