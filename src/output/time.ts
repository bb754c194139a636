// How times read on screen: durations short and stable ("340ms", "4.8s", "2m05s"), clock times as
// HH:MM:SS in UTC (CI logs from machines in different zones then line up).

/** A duration in milliseconds as people read it: 340ms, 4.8s, 2m05s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** Elapsed time of a running step, to the second ("0s", "32s", "1m05s"): it changes once a second, not every frame. */
export function formatElapsed(ms: number): string {
  const whole = Math.max(0, Math.floor(ms / 1000));
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** A configured limit as written in the config ("10m"), or from milliseconds ("90s", "10m", "1h"). */
export function formatLimit(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

/** Epoch milliseconds as HH:MM:SS (UTC). */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}
