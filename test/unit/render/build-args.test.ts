import { describe, expect, test } from 'vitest';
import { buildArgs } from '../../../src/render/index.js';
import { settings } from './fixtures.js';

describe('buildArgs', () => {
  test.each([
    ['member', 'member/build/libs', 'member.jar'],
    ['mysub', 'mysub-infra/build/libs', 'mysub.jar'],
    ['recommend', 'recommend/build/libs', 'recommend.jar'],
  ])('backend %s', (service, dir, jar) => {
    expect(buildArgs(settings, service, 'deployment/Dockerfile')).toEqual({ BUILD_LIB_DIR: dir, ARTIFACTORY_FILE: jar });
  });

  test.each([
    ['deployment/Dockerfile-lifesub-web', 'deployment'],
    ['deployment/container/Dockerfile-lifesub-web', 'deployment/container'],
  ])('frontend with %s', (dockerfile, folder) => {
    expect(buildArgs(settings, 'lifesub-web', dockerfile, '20.1.2.3')).toEqual({
      PROJECT_FOLDER: '.',
      REACT_APP_MEMBER_URL: 'http://20.1.2.3/member',
      REACT_APP_MYSUB_URL: 'http://20.1.2.3/mysub',
      REACT_APP_RECOMMEND_URL: 'http://20.1.2.3/recommend',
      BUILD_FOLDER: folder,
      EXPORT_PORT: '18080',
    });
  });

  test('unknown service is a bug', () => {
    expect(() => buildArgs(settings, 'nope', 'Dockerfile')).toThrow(/no service named/);
  });
});
