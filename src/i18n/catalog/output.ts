import type { Section } from './section.js';

export const output: Section = {
  area: 'output',
  entries: {
    // src/output/plan.ts
    '  (after {0})': '  ({0} 다음)',
    'Dry run: nothing was changed.': '드라이 런: 아무것도 변경하지 않았습니다.',
    // src/output/summary.ts
    done: '완료',
    skipped: '건너뜀',
    FAILED: '실패',
    'not run': '실행 안 됨',
    '{0} finished in {1} (SANDBOX — simulated, nothing real was touched)': '{0} 완료: {1} 소요 (SANDBOX — 시뮬레이션, 실제로는 아무것도 건드리지 않음)',
    '{0} finished in {1}': '{0} 완료: {1} 소요',
    '{0} did not finish in {1} (SANDBOX — simulated, nothing real was touched)':
      '{0} 끝나지 못함: {1} 소요 (SANDBOX — 시뮬레이션, 실제로는 아무것도 건드리지 않음)',
    '{0} did not finish in {1}': '{0} 끝나지 못함: {1} 소요',
    '  web: {0}': '  웹 주소: {0}',
    '  api: {0}  (/api/auth, /api/mysub, /api/recommend)': '  API 주소: {0}  (/api/auth, /api/mysub, /api/recommend)',
    '  namespace: {0}': '  네임스페이스: {0}',
  },
};
