import type { Section } from './section.js';

/** `lifesub status` and `lifesub list`: what exists for an ID, and the labs on a cluster (src/status). */
export const status: Section = {
  area: 'status',
  entries: {
    // src/status/format.ts
    'id {0}, namespace {1} ({2}){3}': 'ID {0}, 네임스페이스 {1} ({2}){3}',
    'releases:': '릴리스:',
    'workloads:': '워크로드:',
    '      pod {0}: {1}{2}': '      파드 {0}: {1}{2}',
    '      hint: {0}': '      힌트: {0}',
    'causes:': '원인:',
    'load balancers: ingress {0}, web {1}': '로드 밸런서: 인그레스 {0}, 웹 {1}',
    'answers:': '응답:',
    'not ready — run `lifesub up --id {0}` to repair, or see the reasons above':
      '준비 안 됨 — 복구하려면 `lifesub up --id {0}`을 실행하거나 위의 이유를 확인하세요',
    "nothing of lifesub's for ID {0}{1}: namespace {2} exists but was not created by lifesub for this ID":
      'ID {0}{1}에 대한 lifesub의 리소스가 없습니다: 네임스페이스 {2}은(는) 있지만 lifesub이 이 ID를 위해 만든 것이 아닙니다',
    'nothing found for ID {0}{1}: no namespace {2} (never set up, or removed). Check the ID with `lifesub list`, or run `lifesub up --id {3}`.':
      'ID {0}{1}에 대해 찾은 것이 없습니다: 네임스페이스 {2}이(가) 없습니다 (구성한 적이 없거나 삭제됨). `lifesub list`로 ID를 확인하거나 `lifesub up --id {3}`을 실행하세요.',
    // src/status/labs.ts
    'no lifesub labs on this cluster{0}': '이 클러스터에 lifesub 실습 환경이 없습니다{0}',
    // src/status/probe.ts
    'no answer: {0}': '응답 없음: {0}',
  },
};
