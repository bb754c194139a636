// Overrides from `--config FILE` are a partial copy of the defaults: mappings merge key by key,
// everything else (arrays included) replaces the default. Replacing arrays is deliberate: a user who
// lists `services` means exactly that list, not the defaults plus theirs.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}
