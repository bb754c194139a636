// Reading Helm values the forgiving way templates do: missing keys are just absent.
export type Values = Record<string, unknown>;

export function at(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Values)[key];
  }
  return current;
}

export function str(values: unknown, path: string): string | undefined {
  const v = at(values, path);
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function map(values: unknown, path: string): Record<string, string> {
  const v = at(values, path);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Values).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]));
}

export function obj(values: unknown, path: string): Values | undefined {
  const v = at(values, path);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Values) : undefined;
}

/** Helm's "fullname": the release name when it already contains the chart name, else `<release>-<chart>`. */
export function fullname(release: string, chart: string, override: unknown): string {
  if (typeof override === 'string' && override) return override.slice(0, 63);
  return (release.includes(chart) ? release : `${release}-${chart}`).slice(0, 63).replace(/-$/, '');
}
