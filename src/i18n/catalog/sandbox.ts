import type { Section } from './section.js';

/** `lifesub sandbox …`: the background simulated cluster, registry and toolchain (src/cli/sandbox.ts). */
export const sandbox: Section = {
  area: 'sandbox',
  entries: {
    'The simulated cluster, registry and toolchain used by --sandbox (state in $LIFESUB_HOME, default ~/.lifesub); it keeps running in the background like kind or minikube':
      '--sandbox가 사용하는 시뮬레이션 클러스터, 레지스트리, 도구 (상태는 $LIFESUB_HOME, 기본값 ~/.lifesub). kind나 minikube처럼 백그라운드에서 계속 실행됩니다',
    'latency profile: fast or realistic (default: the running one, else fast); another one restarts it':
      '지연 프로필: fast 또는 realistic (기본값: 실행 중인 sandbox의 프로필, 없으면 fast). 다른 프로필을 지정하면 다시 시작합니다',
    'Start the background sandbox (the first --sandbox command does it too); nothing to do when it runs already':
      '백그라운드 sandbox를 시작합니다 (첫 --sandbox 명령도 시작합니다). 이미 실행 중이면 아무것도 하지 않습니다',
    'sandbox running (pid {0}, {1} profile, `lifesub sandbox serve` in a terminal)': 'sandbox 실행 중 (pid {0}, {1} 프로필, 터미널의 `lifesub sandbox serve`)',
    'sandbox running (pid {0}, {1} profile)': 'sandbox 실행 중 (pid {0}, {1} 프로필)',
    'try: KUBECONFIG={0} kubectl get ns': '사용해 보기: KUBECONFIG={0} kubectl get ns',
    'log: {0}': '로그: {0}',
    'how long to wait after SIGTERM before SIGKILL': 'SIGTERM 후 SIGKILL까지 기다릴 시간',
    'Stop the sandbox (background, or a `sandbox serve`) and wait until it has ended; its state stays for the next start':
      'sandbox(백그라운드 또는 `sandbox serve`)를 멈추고 끝날 때까지 기다립니다. 상태는 다음 시작을 위해 남습니다',
    '--grace {0} is not a number of seconds': '--grace {0}은(는) 초 단위 숫자가 아닙니다',
    'sandbox not running': 'sandbox가 실행 중이 아닙니다',
    'sandbox stopped (pid {0}, killed with SIGKILL after the grace)': 'sandbox 중지됨 (pid {0}, 유예 시간 후 SIGKILL로 종료)',
    'sandbox stopped (pid {0})': 'sandbox 중지됨 (pid {0})',
    'Show whether the sandbox runs: pid, profile, faults, endpoints, uptime (exit 0 running, {0} not running)':
      'sandbox가 실행 중인지 보여 줍니다: pid, 프로필, 장애 주입, 엔드포인트, 실행 시간 (실행 중이면 0, 아니면 {0}으로 종료)',
    'sandbox not running (state in {0}); the next --sandbox command or `lifesub sandbox start` starts it':
      'sandbox가 실행 중이 아닙니다 (상태는 {0}). 다음 --sandbox 명령이나 `lifesub sandbox start`가 시작합니다',
    'sandbox running ({0}): pid {1}, {2} profile, up {3}': 'sandbox 실행 중 ({0}): pid {1}, {2} 프로필, 실행 시간 {3}',
    'sandbox running but NOT ANSWERING ({0}): pid {1}, {2} profile, up {3}': 'sandbox가 실행 중이지만 응답하지 않음 ({0}): pid {1}, {2} 프로필, 실행 시간 {3}',
    // The labels are aligned for a terminal: a Hangul syllable takes two columns.
    '  faults:     {0}': '  장애 주입:  {0}',
    '  apiserver:  {0}': '  API 서버:   {0}',
    '  registry:   {0}': '  레지스트리: {0}',
    '  arm:        {0}': '  arm:        {0}',
    '  charts:     {0}': '  차트:       {0}',
    '  kubeconfig: {0}': '  kubeconfig: {0}',
    'run as the background sandbox': '백그라운드 sandbox로 실행합니다',
    'SANDBOX ({0} profile) — try: KUBECONFIG={1} kubectl get ns; `lifesub sandbox stop` to stop':
      'SANDBOX ({0} 프로필) — 사용해 보기: KUBECONFIG={1} kubectl get ns. 멈추려면 `lifesub sandbox stop`',
    'Stop the sandbox and forget the simulated cluster, registry and workspace (deletes $LIFESUB_HOME/sandbox)':
      'sandbox를 멈추고 시뮬레이션 클러스터, 레지스트리, 작업 공간을 지웁니다 ($LIFESUB_HOME/sandbox 삭제)',
  },
};
