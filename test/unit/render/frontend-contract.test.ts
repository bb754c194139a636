// The frontend's URL convention, read from lifesub-web's src/services/api.js. The fixtures are the
// declaration lines of the real file at each commit of its history (cna-bootcamp/lifesub-web).
import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { configuredApiBasePaths, frontendCallPath, parseApiBasePaths } from '../../../src/render/index.js';
import { settings } from './fixtures.js';

/** bb7ce2d (2025-02-13): build-time env. */
const BUILD_ENV = `const MEMBER_URL = process.env.REACT_APP_MEMBER_URL || 'http://localhost:8081';
const MYSUB_URL = process.env.REACT_APP_MYSUB_URL || 'http://localhost:8082';
const RECOMMEND_URL = process.env.REACT_APP_RECOMMEND_URL || 'http://localhost:8083';
  login: (loginRequest) => memberApi.post('/api/auth/login', loginRequest),`;

/** 455af41 (2025-02-15): the old lines commented out, runtime config without a path (variant A). */
const VARIANT_A_COMMENTED = `// 서비스별 base URL
/*
const MEMBER_URL = process.env.REACT_APP_MEMBER_URL || 'http://localhost:9999/wrong';
*/
const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081';
const MYSUB_URL = window.__runtime_config__.MYSUB_URL || 'http://localhost:8082';
const RECOMMEND_URL = window.__runtime_config__.RECOMMEND_URL || 'http://localhost:8083';`;

/** 16734bb (2025-04-06): bases end in the API prefix (variant B); calls post('/login'). */
const VARIANT_B = `const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';
const MYSUB_URL = window.__runtime_config__.MYSUB_URL || 'http://localhost:8082/api/mysub';
const RECOMMEND_URL = window.__runtime_config__.RECOMMEND_URL || 'http://localhost:8083/api/recommend';
  login: (loginRequest) => memberApi.post('/login', loginRequest),`;

const FILE = '/ws/lifesub-web/src/services/api.js';

describe('parseApiBasePaths', () => {
  test('variant A (and the build-env original): bases are bare, the app appends /api/…', () => {
    const none = { member: '', mysub: '', recommend: '' };
    expect(parseApiBasePaths(settings, BUILD_ENV, FILE)).toEqual(none);
    expect(parseApiBasePaths(settings, VARIANT_A_COMMENTED, FILE)).toEqual(none);
  });

  test('variant B: each base ends in its API prefix', () => {
    expect(parseApiBasePaths(settings, VARIANT_B, FILE)).toEqual({ member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' });
  });

  test('what the app appends + the base path = the backend route, in both variants', () => {
    expect(frontendCallPath('/api/auth', '', '/login')).toBe('/api/auth/login'); // A: post('/api/auth/login')
    expect(frontendCallPath('/api/auth', '/api/auth', '/login')).toBe('/login'); // B: post('/login')
  });

  test('an unknown convention is a UserError naming the file, what was expected and the override', () => {
    const moved = VARIANT_B.replace("'http://localhost:8081/api/auth'", "'http://localhost:8081/member'");
    const err = (() => {
      try {
        parseApiBasePaths(settings, moved, FILE);
      } catch (e) {
        return e as UserError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain("MEMBER_URL ends in '/member'");
    expect(err.message).toContain("window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth'");
    expect(err.hint).toContain('frontend.apiBasePaths');
    expect(() => parseApiBasePaths(settings, 'export const api = axios.create({ baseURL: "/" });', FILE)).toThrow(/no `MEMBER_URL = window/);
  });

  test('a path that only shares characters with the API prefix does not count as leading it', () => {
    expect(() => parseApiBasePaths(settings, VARIANT_B.replace('8081/api/auth', '8081/api/au'), FILE)).toThrow(UserError);
  });
});

describe('configuredApiBasePaths', () => {
  const withOverride = (apiBasePaths: Record<string, string> | undefined) => ({
    ...settings,
    config: { ...settings.config, frontend: { ...settings.config.frontend, apiBasePaths } },
  });

  test('absent → undefined (detect); complete → used', () => {
    expect(configuredApiBasePaths(withOverride(undefined))).toBeUndefined();
    const paths = { member: '', mysub: '/api/mysub', recommend: '/api' };
    expect(configuredApiBasePaths(withOverride(paths))).toEqual(paths);
  });

  test('missing or ill-fitting entries are a UserError naming the key', () => {
    expect(() => configuredApiBasePaths(withOverride({ member: '/member', mysub: '' }))).toThrow(
      /frontend\.apiBasePaths .*member: '\/member' is neither '' nor a leading part of \/api\/auth; no entry for recommend/,
    );
    expect(() => configuredApiBasePaths(withOverride({ membr: '', member: '', mysub: '', recommend: '' }))).toThrow(/'membr' is not a backend service/);
  });
});
