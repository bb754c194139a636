import type { Section } from './section.js';

/** `lifesub doctor` and the preflight of `up` (src/doctor, src/cli/doctor.ts, src/steps/preflight.ts). */
export const doctor: Section = {
  area: 'doctor',
  entries: {
    // src/cli/doctor.ts
    'Check everything `up` needs (tools, cluster, Azure registry, workspace, disk) without changing anything':
      '`up`에 필요한 모든 것(도구, 클러스터, Azure 레지스트리, 작업 공간, 디스크)을 아무것도 바꾸지 않고 점검합니다',
    '\nExit codes: 0 nothing blocks `up`, 1 something does (each problem is shown with its fix), 2 invalid input.':
      '\n종료 코드: 0 `up`을 막는 문제 없음, 1 막는 문제 있음 (문제마다 해결 방법을 보여 줍니다), 2 잘못된 입력.',
    'check against the simulated cluster, registry and toolchain under $LIFESUB_HOME':
      '$LIFESUB_HOME 아래의 시뮬레이션 클러스터, 레지스트리, 도구를 대상으로 점검합니다',
    'where the repositories are (or will be) cloned (default ~/workspace)': '저장소를 클론한(또는 클론할) 위치 (기본값 ~/workspace)',
    'text for people, json for one JSON object on stdout': 'text는 사람용, json은 stdout에 JSON 오브젝트 하나',
    // src/doctor/azure.ts
    'the images are pushed to this registry and the cluster pulls them from it':
      '컨테이너 이미지를 이 레지스트리에 push하고, 클러스터가 여기서 이미지를 가져옵니다',
    'Azure sign-in and the registry <id>cr': 'Azure 로그인과 레지스트리 <id>cr',
    'run `az login`, then `az acr show -n {0}`': '`az login`을 실행한 뒤 `az acr show -n {0}`을 실행하세요',
    'pass --id ID to check the registry <id>cr': '레지스트리 <id>cr을 점검하려면 --id ID를 지정하세요',
    // src/doctor/docker.ts
    'the four images are built and pushed with docker': '컨테이너 이미지 네 개를 docker로 빌드하고 push합니다',
    'Docker engine reachable': 'Docker 엔진 접근 가능',
    'start the Docker engine (`sudo systemctl start docker`); if it runs, let your user use it (`sudo usermod -aG docker $USER`, then log in again)':
      'Docker 엔진을 시작하세요 (`sudo systemctl start docker`). 이미 실행 중이면 내 사용자가 쓸 수 있게 하세요 (`sudo usermod -aG docker $USER` 후 다시 로그인)',
    // src/doctor/format.ts
    '{0} problem blocks `lifesub up`; fix it and run `lifesub doctor` again.':
      '문제 {0}개가 `lifesub up`을 막고 있습니다. 고친 뒤 `lifesub doctor`를 다시 실행하세요.',
    '{0} problem blocks `lifesub up`; fix them and run `lifesub doctor` again.':
      '문제 {0}개가 `lifesub up`을 막고 있습니다. 고친 뒤 `lifesub doctor`를 다시 실행하세요.',
    '{0} problems block `lifesub up`; fix it and run `lifesub doctor` again.':
      '문제 {0}개가 `lifesub up`을 막고 있습니다. 고친 뒤 `lifesub doctor`를 다시 실행하세요.',
    '{0} problems block `lifesub up`; fix them and run `lifesub doctor` again.':
      '문제 {0}개가 `lifesub up`을 막고 있습니다. 고친 뒤 `lifesub doctor`를 다시 실행하세요.',
    'Nothing blocks `lifesub up`{0}.': '`lifesub up`을 막는 문제가 없습니다{0}.',
    // src/doctor/format.ts: the suffix of the line above, built in a variable (added by hand)
    '({0} warning)': '(경고 {0}개)',
    '({0} warnings)': '(경고 {0}개)',
    // src/doctor/git.ts
    'the lifesub and lifesub-web repositories are cloned with git': 'lifesub, lifesub-web 저장소를 git으로 클론합니다',
    'install git (e.g. `sudo apt-get install git`)': 'git을 설치하세요 (예: `sudo apt-get install git`)',
    // src/doctor/helm.ts
    'the ingress controller and the three PostgreSQL databases are installed with Helm':
      '인그레스 컨트롤러와 PostgreSQL 데이터베이스 세 개를 Helm으로 설치합니다',
    'Helm 3.13 or newer': 'Helm 3.13 이상',
    'install Helm 3.13+ (https://helm.sh/docs/intro/install/)': 'Helm 3.13 이상을 설치하세요 (https://helm.sh/docs/intro/install/)',
    // src/doctor/jdk.ts
    'the three backend jars are compiled by Gradle with this JDK': '백엔드 jar 세 개를 Gradle이 이 JDK로 컴파일합니다',
    "a JDK for the repository's Java release": '저장소의 Java 릴리스에 맞는 JDK',
    'install JDK {0} and point JAVA_HOME at it': 'JDK {0}을(를) 설치하고 JAVA_HOME이 그 위치를 가리키게 하세요',
    // src/doctor/kube.ts
    'every later step reads or writes the cluster': '이후의 모든 단계가 클러스터를 읽거나 씁니다',
    'Kubernetes context and API server': '쿠버네티스 컨텍스트와 API 서버',
    'the Kubernetes API (context {0}) did not answer within {1}s': '쿠버네티스 API(컨텍스트 {0})가 {1}초 안에 응답하지 않았습니다',
    'is the cluster running and reachable (VPN, firewall)? try `kubectl cluster-info`':
      '클러스터가 실행 중이고 접근 가능한가요 (VPN, 방화벽)? `kubectl cluster-info`를 실행해 보세요',
    'check --kubeconfig and --context, then `kubectl cluster-info`': '--kubeconfig와 --context를 확인한 뒤 `kubectl cluster-info`를 실행하세요',
    // src/doctor/preflight-error.ts
    '{0} problems must be fixed before anything is changed: {1}': '무엇이든 변경하기 전에 문제 {0}개를 고쳐야 합니다: {1}',
    'fix each problem listed above, then run again (`lifesub doctor` checks everything without changing anything)':
      '위에 나열된 문제를 모두 고친 뒤 다시 실행하세요 (`lifesub doctor`는 아무것도 바꾸지 않고 모든 것을 점검합니다)',
    '   why: {0}': '   이유: {0}',
    '   fix: {0}': '   해결: {0}',
    // src/doctor/probe.ts
    'not checked with these adapters': '이 어댑터로는 점검하지 않음',
    // src/doctor/run.ts
    '{0}: no answer within {1}': '{0}: {1} 안에 응답 없음',
    'check that it is reachable, then run `lifesub doctor` again': '접근 가능한지 확인한 뒤 `lifesub doctor`를 다시 실행하세요',
    'the {0} check failed unexpectedly: {1}': '{0} 점검이 예기치 않게 실패했습니다: {1}',
    'this is a bug in lifesub; report it with the output of `lifesub doctor --verbose`':
      'lifesub의 버그입니다. `lifesub doctor --verbose`의 출력과 함께 보고해 주세요',
    // src/doctor/workspace.ts
    'the lifesub and lifesub-web repositories are cloned and built in it': 'lifesub, lifesub-web 저장소를 여기에 클론하고 빌드합니다',
    'workspace is a writable directory': '작업 공간이 쓰기 가능한 디렉토리임',
    'pass --workspace with a directory you own (or move {0} out of the way)':
      '내 소유의 디렉토리로 --workspace를 지정하세요 (또는 {0}을(를) 다른 곳으로 옮기세요)',
    'the workspace {0} is a file, not a directory': '작업 공간 {0}이(가) 디렉토리가 아니라 파일입니다',
    'the workspace {0} cannot be created: {1} is a file': '작업 공간 {0}을(를) 만들 수 없습니다: {1}이(가) 파일입니다',
    'no permission to write in {0}': '{0}에 쓸 권한이 없습니다',
    'pass --workspace with a directory you own, or `sudo chown -R $USER {0}`':
      '내 소유의 디렉토리로 --workspace를 지정하거나 `sudo chown -R $USER {0}`을 실행하세요',
    '{0} (will be created in {1})': '{0} ({1}에 만들어짐)',
    'free disk for the workspace': '작업 공간의 여유 디스크',
    'could not read the free space of {0}': '{0}의 여유 공간을 읽을 수 없습니다',
    '{0} free on the file system of {1}': '{1}의 파일 시스템에 {0} 여유',
    'free some space (`docker system prune`, `rm -rf ~/.gradle/caches`) or pass --workspace on another disk':
      '공간을 확보하거나 (`docker system prune`, `rm -rf ~/.gradle/caches`) 다른 디스크의 디렉토리로 --workspace를 지정하세요',
    'the lifesub and lifesub-web repositories are cloned and built in it; they need about {0}':
      'lifesub, lifesub-web 저장소를 여기에 클론하고 빌드합니다. 약 {0}이(가) 필요합니다',
    'builds and caches may fill it': '빌드와 캐시로 가득 찰 수 있습니다',
    // src/steps/preflight.ts
    'Check tools, cluster, registry and workspace': '도구, 클러스터, 레지스트리, 작업 공간 점검',
    'check helm (3.13+), the docker engine, git, a JDK for the build, registry {0} in Azure, workspace {1} and its free disk':
      'helm(3.13 이상), docker 엔진, git, 빌드용 JDK, Azure의 레지스트리 {0}, 작업 공간 {1}과(와) 여유 디스크를 점검합니다',
    '{0} other checks passed': '다른 점검 {0}개 통과',
  },
};
