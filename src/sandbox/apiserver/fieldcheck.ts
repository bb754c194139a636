// Field validation (the `fieldValidation` query parameter, KEP-2885) against the schemas of schemas.ts:
// unknown top-level and metadata fields. Strict refuses them (400 "strict decoding error"), Warn — the
// server's default — drops them with a `Warning` header, Ignore drops them silently. Server-side apply
// cannot represent an undeclared field at all and fails with the structured-merge-diff error (500 on
// 1.33, kubernetes/kubernetes#139253) whatever fieldValidation says.
import type { ServerResponse } from 'node:http';
import { ApiError, errors } from './errors.js';
import { isPlainObject } from './merge.js';
import { apiVersionOf, type ResourceDef } from './resources.js';
import { knownFields } from './schemas.js';
import type { Json } from './types.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation');
  if (v === null || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw errors.badRequest(`fieldValidation parameter unsupported: ${v}. Supported values are: Ignore, Warn, Strict`);
}

/** Undeclared fields of `obj` as dotted paths ("dta", "metadata.labelz"), checked where the schema is closed. */
export function unknownFields(def: ResourceDef, obj: Json): string[] {
  const out: string[] = [];
  const walk = (v: Json, path: string[]): void => {
    const known = knownFields(def, path);
    if (!known || !isPlainObject(v)) return;
    for (const k of Object.keys(v)) {
      if (!known.has(k)) out.push([...path, k].join('.'));
      else if (path.length === 0 && k === 'metadata') walk(v[k], ['metadata']);
    }
  };
  walk(obj, []);
  return out;
}

function dropAt(obj: Json, path: string): void {
  const parts = path.split('.');
  let at = obj;
  for (const p of parts.slice(0, -1)) at = at?.[p];
  if (isPlainObject(at)) delete at[parts[parts.length - 1]!];
}

/**
 * Applies the request's field validation to a decoded object body (create, update, patched result):
 * throws for Strict, otherwise removes the fields and (for Warn) adds a Warning header to `res`.
 */
export function enforceFieldValidation(def: ResourceDef, obj: Json, mode: FieldValidation, res: ServerResponse): void {
  const unknown = unknownFields(def, obj);
  if (unknown.length === 0) return;
  if (mode === 'Strict') {
    throw errors.badRequest(
      `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
  }
  for (const f of unknown) dropAt(obj, f);
  if (mode === 'Warn')
    res.setHeader(
      'Warning',
      unknown.map((f) => `299 - "unknown field \\"${f}\\""`),
    );
}

/** Server-side apply of an undeclared field: the error structured-merge-diff gives. */
export function checkApplyFields(def: ResourceDef, applied: Json, namespace: string | undefined, name: string): void {
  const unknown = unknownFields(def, applied);
  if (unknown.length === 0) return;
  const gvk = `${def.group ? apiVersionOf(def) : `/${def.version}`}, Kind=${def.kind}`;
  throw new ApiError(500, '', `failed to create typed patch object (${namespace ?? ''}/${name}; ${gvk}): .${unknown[0]}: field not declared in schema`);
}
