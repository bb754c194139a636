// A tiny, strict template engine for the YAML files under templates/.
//
// The template is parsed first and placeholders are substituted in the parsed tree, so a value is
// always exactly one YAML node: no quoting, escaping or indentation can go wrong, whatever the value
// contains. Strict both ways: a placeholder without a value and a value that is never used are errors
// (both are bugs in lifesub, so they are plain Errors, not UserErrors).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { bundledPath } from '../config/package-root.js';

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };
export type TemplateValues = Record<string, TemplateValue>;

// `$${` is an escaped literal `${`; `${name}` is a placeholder; anything else after `$` is text.
const TOKEN = /\$\$\{|\$\{([^}]*)\}/g;
const WHOLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const cache = new Map<string, string>();

/** Reads templates/<file> (cached) and fills it in. */
export function renderTemplate(file: string, values: TemplateValues): unknown {
  return fillTemplate(readTemplate(file), values, file);
}

/** Reads a YAML data file under templates/ that has no placeholders (e.g. secret-extras.yaml). */
export function readTemplateData(file: string): unknown {
  return fillTemplate(readTemplate(file), {}, file);
}

export function readTemplate(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(bundledPath('templates', file), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** Parses `text` as one YAML document and substitutes `values`; `source` names it in errors. */
export function fillTemplate(text: string, values: TemplateValues, source = 'template'): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new Error(`template ${source} is not valid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  const state: FillState = { values, used: new Set(), missing: new Set(), bad: [] };
  const result = fillNode(doc.toJS() as unknown, state);

  const unused = Object.keys(values).filter((k) => !state.used.has(k));
  const problems = [...[...state.missing].map((n) => `no value for \${${n}}`), ...unused.map((n) => `value '${n}' is not used by the template`), ...state.bad];
  if (problems.length > 0) throw new Error(`template ${source}: ${problems.join('; ')}`);
  return result;
}

interface FillState {
  values: TemplateValues;
  used: Set<string>;
  missing: Set<string>;
  bad: string[];
}

function fillNode(node: unknown, state: FillState): unknown {
  if (typeof node === 'string') return fillString(node, state, true);
  if (Array.isArray(node)) return node.map((item) => fillNode(item, state));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const filledKey = fillString(key, state, false);
      out[typeof filledKey === 'string' ? filledKey : key] = fillNode(value, state);
    }
    return out;
  }
  return node;
}

/** A whole-scalar placeholder takes the value as it is (`wholeAllowed`); inside text, only its text. */
function fillString(text: string, state: FillState, wholeAllowed: boolean): unknown {
  const whole = WHOLE.exec(text);
  if (whole && wholeAllowed) {
    const name = whole[1]!;
    const value = lookup(name, state);
    return value === undefined ? text : structuredClone(value);
  }
  return text.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return '${';
    if (!NAME.test(name)) {
      state.bad.push(`'${token}' is not a valid placeholder (names are letters, digits and _)`);
      return token;
    }
    const value = lookup(name, state);
    if (value === undefined) return token;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    state.bad.push(`\${${name}} is inside text but its value is not a string or number`);
    return token;
  });
}

function lookup(name: string, state: FillState): TemplateValue | undefined {
  if (!Object.hasOwn(state.values, name)) {
    state.missing.add(name);
    return undefined;
  }
  state.used.add(name);
  return state.values[name];
}
