// A profile duration in milliseconds, scaled (no YAML here: the tool shims import this at start-up).
import type { DurationName, Faults, Profile } from './contract.js';

/** `profile.durations[name]` × `profile.scale` × the fault file's `slow` factor for it, in whole ms. */
export function scaled(profile: Profile, name: DurationName, faults?: Faults): number {
  const factor = faults?.slow?.[name] ?? 1;
  return Math.round(profile.durations[name] * profile.scale * factor);
}
