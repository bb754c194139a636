// Rules a student ID must satisfy, because it names two things we do not control: the Kubernetes
// namespace `<id><namespaceSuffix>` (a DNS-1123 label) and the Azure Container Registry
// `<id><registrySuffix>` (5–50 letters and digits). Checked up front so a bad ID fails in a second,
// not half-way through `up`.
import type { Config } from './schema.js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ACR_NAME = /^[A-Za-z0-9]{5,50}$/;
const EXAMPLE = "use an ID like 'alice' or 'dg0200'";

/** Every reason `id` cannot be used with this configuration; empty when it is fine. */
export function idProblems(id: string, cfg: Pick<Config, 'namespaceSuffix' | 'registrySuffix'>): string[] {
  if (id.trim() === '') return [`the ID is empty; ${EXAMPLE}`];
  const problems: string[] = [];

  const namespace = `${id}${cfg.namespaceSuffix}`;
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) {
    problems.push(
      `ID '${id}': the namespace '${namespace}' must be a DNS-1123 label ` +
        `(lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)` +
        `${whyNamespace(namespace)}; ${EXAMPLE}`,
    );
  }

  const registry = `${id}${cfg.registrySuffix}`;
  if (!ACR_NAME.test(registry)) {
    problems.push(`ID '${id}': the registry name '${registry}' must be 5–50 letters or digits${whyRegistry(registry)}; ${EXAMPLE}`);
  }
  return problems;
}

function whyNamespace(name: string): string {
  if (name.length > 63) return ` — it has ${name.length} characters`;
  if (/[A-Z]/.test(name)) return ' — it contains uppercase letters';
  if (/[^-a-z0-9]/.test(name)) return " — it contains characters other than lowercase letters, digits and '-'";
  if (name.startsWith('-') || name.endsWith('-')) return " — it starts or ends with '-'";
  return '';
}

function whyRegistry(name: string): string {
  if (/[^A-Za-z0-9]/.test(name)) return ' — it contains characters other than letters and digits';
  if (name.length < 5) return ` — it has only ${name.length} characters`;
  if (name.length > 50) return ` — it has ${name.length} characters`;
  return '';
}
