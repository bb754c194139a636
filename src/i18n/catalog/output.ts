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
    // src/output/texts.ts (progress views)
    'waiting for {0}': '{0} 대기 중',
    'waiting for a free {0} slot': '빈 {0} 슬롯 대기 중',
    'already done': '이미 완료됨',
    failed: '실패',
    start: '시작',
    status: '상태',
    log: '로그',
    output: '출력',
    'limit {0}': '제한 {0}',
    'a step it needs did not finish': '필요한 단계가 끝나지 않았습니다',
    'output of {0}:': '{0}의 출력:',
    '({0} earlier line not kept)': '(이전 줄 {0}개는 보관하지 않음)',
    '({0} earlier lines not kept)': '(이전 줄 {0}개는 보관하지 않음)',
    // src/output/texts.ts (summary)
    '{0} did not finish ({1})': '{0} 끝나지 못함 ({1})',
    'SANDBOX: simulated, nothing real was touched': 'SANDBOX: 시뮬레이션, 실제로는 아무것도 건드리지 않음',
    web: '웹 주소',
    api: 'API 주소',
    namespace: '네임스페이스',
    slowest: '오래 걸린 단계',
    '{0} step not run': '단계 {0}개 실행 안 됨',
    '{0} steps not run': '단계 {0}개 실행 안 됨',
    '{0} already done': '{0}개 이미 완료됨',
    'next:': '다음:',
    'namespace {0} is gone': '네임스페이스 {0}이(가) 삭제되었습니다',
  },
};
