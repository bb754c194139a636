// Small helpers shared by the validators.
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function unknownKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

export function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** A named port (IANA_SVC_NAME) or a number 1–65535. */
export function isPortOrName(value: unknown): boolean {
  return isPort(value) || (typeof value === 'string' && /^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/.test(value) && /[a-z]/.test(value));
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
