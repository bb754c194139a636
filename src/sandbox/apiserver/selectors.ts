// Label and field selectors, as query parameters spell them (labelSelector=app=web,tier!=db,env in (a,b)).
import { errors } from './errors.js';
import type { Json, KObject } from './types.js';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type Matcher = (obj: KObject) => boolean;

/** Splits on commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t.length > 0);
}

function parseTerm(term: string): Requirement {
  let m = /^([A-Za-z0-9./_-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (m) {
    const values = m[3]!
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { op: m[2] as 'in' | 'notin', key: m[1]!, values };
  }
  m = /^([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/.exec(term);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1]!, value: m[3]! };
  m = /^(!?)([A-Za-z0-9./_-]+)$/.exec(term);
  if (m) return { op: m[1] ? 'notexists' : 'exists', key: m[2]! };
  throw errors.badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

function matches(reqs: Requirement[], lookup: (key: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const v = lookup(r.key);
    switch (r.op) {
      case 'eq':
        return v === r.value;
      case 'neq':
        return v !== r.value;
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case 'notexists':
        return v === undefined;
    }
  });
}

export function parseLabelSelector(text: string | null | undefined): Matcher {
  if (!text) return () => true;
  const reqs = splitTerms(text).map(parseTerm);
  return (obj) => matches(reqs, (k) => obj.metadata.labels?.[k]);
}

/** Field selectors: `path=value`, `path==value`, `path!=value` on any dotted path (metadata.name, involvedObject.name…). */
export function parseFieldSelector(text: string | null | undefined): Matcher {
  if (!text) return () => true;
  const reqs = splitTerms(text).map((term) => {
    const r = parseTerm(term);
    if (r.op !== 'eq' && r.op !== 'neq') throw errors.badRequest(`invalid field selector: '${term}'`);
    return r;
  });
  return (obj) => matches(reqs, (k) => fieldValue(obj, k));
}

function fieldValue(obj: KObject, path: string): string | undefined {
  const v = path.split('.').reduce<Json>((d, k) => (d == null ? undefined : d[k]), obj);
  if (v === undefined || v === null) return path === 'metadata.namespace' ? '' : undefined;
  return String(v);
}

/** Does a Service/Deployment selector (matchLabels map) select these labels? Empty selects nothing. */
export function selectsLabels(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

/** LabelSelector object ({matchLabels, matchExpressions}) → predicate on labels. */
export function labelSelectorMatches(sel: Json, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const byLabels = Object.entries((sel.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => labels?.[k] === v);
  const exprs = (sel.matchExpressions ?? []) as Array<{ key: string; operator: string; values?: string[] }>;
  const byExpr = exprs.every((e) => {
    const v = labels?.[e.key];
    switch (e.operator) {
      case 'In':
        return v !== undefined && (e.values ?? []).includes(v);
      case 'NotIn':
        return v === undefined || !(e.values ?? []).includes(v);
      case 'Exists':
        return v !== undefined;
      case 'DoesNotExist':
        return v === undefined;
      default:
        return false;
    }
  });
  return byLabels && byExpr;
}
