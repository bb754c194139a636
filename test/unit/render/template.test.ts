import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { fillTemplate, renderTemplate } from '../../../src/render/template.js';

describe('fillTemplate', () => {
  test('a whole-scalar placeholder takes the value with its type', () => {
    const out = fillTemplate('port: ${port}\nlabels: ${labels}\nname: ${name}\n', {
      port: 8081,
      labels: { app: 'member' },
      name: 'true',
    });
    expect(out).toEqual({ port: 8081, labels: { app: 'member' }, name: 'true' });
  });

  test('placeholders inside text and in keys', () => {
    const out = fillTemplate('path: "/${svc}(/|$)(.*)"\n${key}: x-${svc}\nrewrite: /$2\n', { svc: 'member', key: 'data' });
    expect(out).toEqual({ path: '/member(/|$)(.*)', data: 'x-member', rewrite: '/$2' });
  });

  test('values with YAML-significant characters stay one scalar', () => {
    const nasty = 'a: b # c\n- d\n"quoted" \'single\' {x: 1} ${notAPlaceholder}';
    const out = fillTemplate('v: ${v}\nw: pre-${v}\n', { v: nasty }) as Record<string, string>;
    expect(out.v).toBe(nasty);
    expect(out.w).toBe(`pre-${nasty}`);
  });

  test('$${ writes a literal ${', () => {
    expect(fillTemplate('v: "$${x}"\n', {})).toEqual({ v: '${x}' });
  });

  test('a placeholder without a value is an error', () => {
    expect(() => fillTemplate('a: ${a}\nb: ${b}\n', { a: 1 }, 't.yaml')).toThrow(/template t\.yaml: no value for \$\{b\}/);
  });

  test('a value the template never uses is an error', () => {
    expect(() => fillTemplate('a: ${a}\n', { a: 1, extra: 'x' }, 't.yaml')).toThrow(/value 'extra' is not used/);
  });

  test('both kinds of mistake are reported together', () => {
    expect(() => fillTemplate('a: ${a}\n', { b: 1 })).toThrow(/no value for \$\{a\}.*value 'b' is not used/);
  });

  test('a mapping cannot be spliced into text', () => {
    expect(() => fillTemplate('a: x-${m}\n', { m: { k: 'v' } })).toThrow(/inside text/);
  });

  test('invalid YAML in a template is reported', () => {
    expect(() => fillTemplate('a: [\n', {}, 'broken.yaml')).toThrow(/broken\.yaml is not valid YAML/);
  });

  test('the bundled templates read from templates/', () => {
    const path = renderTemplate('manifests/ingress-path.yaml', { service: 'member', path: '/api/auth', pathType: 'Prefix' });
    expect(parse(JSON.stringify(path))).toMatchObject({ path: '/api/auth', pathType: 'Prefix', backend: { service: { name: 'member' } } });
  });
});
