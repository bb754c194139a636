// Values files (`--values -` from stdin, or paths) parsed like helm: YAML, a map at the top level,
// later files win key by key.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { Values } from './charts/values.js';
import { readStdin, ToolExit } from './runtime.js';

export async function readValues(sources: string[]): Promise<Values> {
  let merged: Values = {};
  for (const source of sources) {
    let text: string;
    if (source === '-') text = await readStdin();
    else {
      try {
        text = readFileSync(source, 'utf8');
      } catch {
        throw new ToolExit(1, `Error: open ${source}: no such file or directory`);
      }
    }
    merged = deepMerge(merged, parseValues(source, text));
  }
  return merged;
}

export function parseValues(source: string, text: string): Values {
  const doc = parseDocument(text);
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0].line ?? 0;
    const what = problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new ToolExit(1, `Error: failed to parse ${source}: error converting YAML to JSON: yaml: line ${line}: ${what}`);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ToolExit(1, `Error: failed to parse ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`);
  }
  return value as Values;
}

export function deepMerge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    const bothMaps = isMap(current) && isMap(value);
    out[key] = bothMaps ? deepMerge(current as Values, value as Values) : value;
  }
  return out;
}

function isMap(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
