import type { Section } from './section.js';

export const core: Section = {
  area: 'core',
  entries: {
    // src/cli/exit.ts, src/core/errors.ts: how every error is reported (the lines are translated one by one)
    'error: {0}': '오류: {0}',
    'hint: {0}': '힌트: {0}',
    "step '{0}' failed: {1}": "단계 '{0}' 실패: {1}",
    'internal error: {0}': '내부 오류: {0}',
    '{0} (already changed before this error: {1})': '{0} (이 오류 전에 이미 변경된 것: {1})',
    interrupted: '중단됨',
    // src/graph/runner.ts: steps that did not run
    "stopped: step '{0}' failed": "중지됨: 단계 '{0}' 실패",
    'not run: a step it needs did not finish': '실행 안 됨: 먼저 끝나야 하는 단계가 끝나지 않았습니다',
    // src/cli/run-graph-command.ts: the --dry-run header
    'lifesub {0} --id {1}: {2} steps': 'lifesub {0} --id {1}: {2}단계',
    // src/lock/run-lock.ts
    'id {0} is in use: {1} holds its lock (Lease {2}/{3})': 'ID {0}은(는) 사용 중입니다: {1}이(가) 잠금을 가지고 있습니다 (Lease {2}/{3})',
    'wait for that run to finish, or run again with --wait-lock to wait for it; a lock whose process is gone expires {0}s after its last renewal':
      '그 실행이 끝날 때까지 기다리거나, --wait-lock으로 다시 실행해 기다리게 하세요. 프로세스가 사라진 잠금은 마지막 갱신 후 {0}초가 지나면 만료됩니다',
    'lost the lock of id {0}: another run took it over': 'ID {0}의 잠금을 잃었습니다: 다른 실행이 가져갔습니다',
    'run again once the other run is done': '다른 실행이 끝나면 다시 실행하세요',
    'lost the lock of id {0}: could not renew it for {1}s': 'ID {0}의 잠금을 잃었습니다: {1}초 동안 갱신하지 못했습니다',
    'is the cluster reachable? run again': '클러스터에 접근할 수 있나요? 다시 실행하세요',
  },
};
