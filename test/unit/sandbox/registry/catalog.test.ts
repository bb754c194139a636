import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../../../src/sandbox/registry/catalog.js';

describe('parseImageRef', () => {
  it('reads host, repository and tag', () => {
    expect(parseImageRef('democr.azurecr.io/lifesub/member:1.0.0')).toEqual({ host: 'democr.azurecr.io', repo: 'lifesub/member', reference: '1.0.0' });
  });
  it('pulls by digest when a reference has both tag and digest', () => {
    expect(parseImageRef('democr.azurecr.io/lifesub/member:1.0.0@sha256:abc')).toEqual({
      host: 'democr.azurecr.io',
      repo: 'lifesub/member',
      reference: 'sha256:abc',
    });
  });
  it('defaults like docker: docker.io, library/, latest; a registry port is not a tag', () => {
    expect(parseImageRef('nginx')).toEqual({ host: 'docker.io', repo: 'library/nginx', reference: 'latest' });
    expect(parseImageRef('localhost:5000/app')).toEqual({ host: 'localhost:5000', repo: 'app', reference: 'latest' });
  });
});
