import type { Section } from './section.js';

/** `lifesub class …`: the roster, the shared build and each student's lab (src/class, src/cli/class.ts). */
export const klass: Section = {
  area: 'class',
  entries: {
    // src/class/init.ts
    '{0} already exists': '{0}이(가) 이미 있습니다',
    'edit it, or pass another --roster FILE to write a new one': '그 파일을 수정하거나, 새로 만들려면 다른 --roster FILE을 지정하세요',
    // src/class/plan.ts
    'student {0}: {1}': '학생 {0}: {1}',
    "--concurrency '{0}' is not a whole number from 1 to 64": "--concurrency '{0}'은(는) 1에서 64 사이의 정수가 아닙니다",
    'cannot start ({0}):\n{1}': '시작할 수 없습니다 ({0}):\n{1}',
    // src/class/progress.ts
    'hint for {0}: {1}': '{0}에 대한 힌트: {1}',
    'lifesub class up: {0} student; building the images once into {1}': 'lifesub class up: 학생 {0}명, 컨테이너 이미지는 {1}에 한 번만 빌드합니다',
    'lifesub class up: {0} students; building the images once into {1}': 'lifesub class up: 학생 {0}명, 컨테이너 이미지는 {1}에 한 번만 빌드합니다',
    // src/class/roster.ts
    'no roster at {0}': '{0}에 명단이 없습니다',
    'cannot read the roster {0}: {1}': '명단 {0}을(를) 읽을 수 없습니다: {1}',
    'write one with `lifesub class init` (or pass --roster FILE)': '`lifesub class init`으로 명단을 만드세요 (또는 --roster FILE을 지정하세요)',
    'check the path and its permissions': '경로와 권한을 확인하세요',
    'the roster {0} is not valid YAML{1}: {2}': '명단 {0}이(가) 올바른 YAML이 아닙니다{1}: {2}',
    'fix the YAML (indentation, quotes)': 'YAML을 고치세요 (들여쓰기, 따옴표)',
    'the roster {0} has {1}:\n{2}': '명단 {0}에 문제가 있습니다 ({1}):\n{2}',
    'fix them in the roster and run the command again; nothing was changed': '명단에서 고친 뒤 명령을 다시 실행하세요. 아무것도 변경하지 않았습니다',
    "student {0}: ID '{1}' is already student {2}'s (IDs must be unique)": "학생 {0}: ID '{1}'은(는) 이미 학생 {2}의 ID입니다 (ID는 서로 달라야 합니다)",
    "student {0}: registry '{1}' is not a valid ACR name (5–50 letters or digits)":
      "학생 {0}: 레지스트리 '{1}'은(는) 올바른 ACR 이름이 아닙니다 (영문자 또는 숫자 5–50자)",
    "sourceRegistry: '{0}' is not a valid ACR name (5–50 letters or digits)":
      "sourceRegistry: '{0}'은(는) 올바른 ACR 이름이 아닙니다 (영문자 또는 숫자 5–50자)",
    "'{0}' is not a quantity (like 2, 500m, 1.5 or 4Gi)": "'{0}'은(는) 수량이 아닙니다 (예: 2, 500m, 1.5, 4Gi)",
    // src/class/budget.ts
    "budget {0}: '{1}' is not a whole number": "예산 {0}: '{1}'은(는) 정수가 아닙니다",
    'budget {0}: {1} is less than the lab needs ({2}; the default {3} also allows a rolling update)':
      '예산 {0}: {1}은(는) 실습에 필요한 양({2})보다 적습니다 (기본값 {3}은(는) 롤링 업데이트까지 허용합니다)',
    'raise the `budget:` of the roster (or the student’s own), or remove it to use the computed default':
      '명단의 `budget:`(또는 학생별 budget)을 늘리거나, 지워서 계산된 기본값을 쓰세요',
    // src/class/init.ts (write errors)
    'cannot write {0}: the folder {1} does not exist': '{0}을(를) 쓸 수 없습니다: 폴더 {1}이(가) 없습니다',
    'create the folder first, or pass --roster with a path in an existing folder': '폴더를 먼저 만들거나, 있는 폴더 안의 경로를 --roster로 지정하세요',
    'cannot write {0}: {1}': '{0}을(를) 쓸 수 없습니다: {1}',
    'pass --roster with a path you may write to': '쓸 수 있는 경로를 --roster로 지정하세요',
    // src/cli/class.ts
    'it names no student; give one or more roster IDs (omit --only for the whole class)':
      '학생이 지정되지 않았습니다. 명단의 ID를 하나 이상 지정하세요 (수업 전체라면 --only를 빼세요)',
    "students: '{0}' and '{1}' share registry {2} (each student needs their own)":
      "students: '{0}'과(와) '{1}'이(가) 레지스트리 {2}을(를) 함께 씁니다 (학생마다 자기 레지스트리가 필요합니다)",
    '--only names a student not in the roster: {0}': '--only에 명단에 없는 학생이 있습니다: {0}',
    '--only names students not in the roster: {0}': '--only에 명단에 없는 학생들이 있습니다: {0}',
    'roster IDs: {0}': '명단의 ID: {0}',
    // src/class/status.ts (under the table)
    'also on this cluster, not in this roster: {0} — `lifesub down --id {1}{2}` removes one':
      '이 클러스터에 있지만 이 명단에는 없음: {0} — `lifesub down --id {1}{2}`(으)로 지울 수 있습니다',
    // src/class/status.ts (the PROBLEM column)
    'ready, but {0}': '준비되었지만 {0}',
    "check `config:` in the roster (a path relative to the roster's folder)": '명단의 `config:`를 확인하세요 (명단 폴더 기준의 상대 경로)',
    'the last `class up` did not finish for this student ({0})': '이 학생에 대한 마지막 `class up`이 끝나지 않았습니다 ({0})',
    'the last `class up` failed for this student at {0} ({1})': '이 학생에 대한 마지막 `class up`이 {0}에서 실패했습니다 ({1})',
    'run `{0}`': '`{0}` 실행',
    'not set up: no namespace ({0})': '구성되지 않음: 네임스페이스가 없습니다 ({0})',
    '{0} {1} not created yet': '{0} {1} 아직 만들어지지 않음',
    'no workload created yet': '아직 만들어진 워크로드가 없음',
    'not ready (see `lifesub status --id {0}`)': '준비되지 않음 (`lifesub status --id {0}` 참고)',
    'not started: {0}': '시작하지 않음: {0}',
    // src/class/steps.ts
    'ACR import of {0} from {1} into {2} failed: {3}': '{0}을(를) {1}에서 {2}(으)로 ACR 가져오기(import)에 실패했습니다: {3}',
    '{0}importing needs the Contributor role (action Microsoft.ContainerRegistry/registries/importImage/action) on {1} and read access to {2}':
      '{0}가져오기(import)에는 {1}에 대한 Contributor 역할(작업 Microsoft.ContainerRegistry/registries/importImage/action)과 {2}에 대한 읽기 권한이 필요합니다',
    'ACR import into {0} reported success but {1}:{2} is not there': '{0}(으)로의 ACR 가져오기가 성공했다고 응답했지만 {1}:{2}이(가) 없습니다',
    'run the command again': '명령을 다시 실행하세요',
    // src/class/up.ts
    '{0} in the subscription:\n{1}': '{0} (구독):\n{1}',
    'a registry of the roster does not exist': '명단의 레지스트리 하나가 없습니다',
    '{0} registries of the roster do not exist': '명단의 레지스트리 {0}개가 없습니다',
    'create it (az acr create -n <name> -g <resource-group> --sku Basic --admin-enabled true) or fix {0} in the roster; nothing was changed':
      '레지스트리를 만들거나 (az acr create -n <name> -g <resource-group> --sku Basic --admin-enabled true) 명단의 {0}을(를) 고치세요. 아무것도 변경하지 않았습니다',
    'create them (az acr create -n <name> -g <resource-group> --sku Basic --admin-enabled true) or fix {0} in the roster; nothing was changed':
      '레지스트리들을 만들거나 (az acr create -n <name> -g <resource-group> --sku Basic --admin-enabled true) 명단의 {0}을(를) 고치세요. 아무것도 변경하지 않았습니다',
    // src/cli/class.ts
    'the class roster': '수업 명단',
    'only these students (repeat or comma-separate)': '이 학생들만 (여러 번 지정하거나 쉼표로 구분)',
    'run against the simulated cluster, registries and toolchain under $LIFESUB_HOME':
      '$LIFESUB_HOME 아래의 시뮬레이션 클러스터, 레지스트리, 도구로 실행합니다',
    'show every line of tool output of the shared build': '공유 빌드의 도구 출력을 모두 보여 줍니다',
    'overall time limit, e.g. 60m': '전체 제한 시간, 예: 60m',
    'where the lifesub and lifesub-web repositories live': 'lifesub, lifesub-web 저장소가 있는 위치',
    'YAML file overriding config/default.yaml for every student (default: the roster’s `config:`)':
      '모든 학생에게 config/default.yaml을 덮어쓰는 YAML 파일 (기본값: 명단의 `config:`)',
    'text for people, json for NDJSON on stdout': 'text는 사람용, json은 stdout에 NDJSON',
    'Stand up, check and tear down a whole class of labs on one shared cluster, building the images once':
      '공유 클러스터 하나에 수업 전체의 실습 환경을 구성하고, 확인하고, 정리합니다 (컨테이너 이미지는 한 번만 빌드)',
    'where to write it': '작성할 위치',
    'if another run of a student is going on, wait for it to finish instead of failing that student':
      '어떤 학생의 다른 실행이 진행 중이면 그 학생을 실패로 처리하지 않고 끝날 때까지 기다립니다',
    'write a commented class.yaml to start from (never overwrites)': '시작용으로 주석이 달린 class.yaml을 작성합니다 (덮어쓰지 않습니다)',
    'wrote {0}: add your students, then run `lifesub class up --roster {1}`':
      '{0}을(를) 작성했습니다: 학생을 추가한 뒤 `lifesub class up --roster {1}`을 실행하세요',
    '\nExit codes: 0 every selected student ready, 1 a student not ready, 2 invalid roster.':
      '\n종료 코드: 0 선택한 학생 모두 준비됨, 1 준비되지 않은 학생 있음, 2 잘못된 명단.',
    '\nExit codes: 0 every selected lab removed, 1 a student could not be removed, 2 invalid roster or not confirmed, 130 interrupted.':
      '\n종료 코드: 0 선택한 실습 환경 모두 삭제됨, 1 삭제하지 못한 학생 있음, 2 잘못된 명단 또는 확인 안 됨, 130 중단됨.',
    '\nExit codes: 0 all ready, 1 a student (or the shared build) failed, 2 invalid roster (nothing changed), 130 interrupted.':
      '\n종료 코드: 0 모두 준비됨, 1 학생(또는 공유 빌드) 실패, 2 잘못된 명단(아무것도 변경하지 않음), 130 중단됨.',
    'students set up at once (default: the roster’s, else 4)': '동시에 구성할 학생 수 (기본값: 명단의 값, 없으면 4)',
    'set every student of the roster up: shared ingress and image build once, then each student (namespace with a budget, databases, images imported into their registry, workloads, smoke check)':
      '명단의 모든 학생을 구성합니다: 공유 인그레스와 이미지 빌드는 한 번만, 그다음 학생별로 (리소스 한도가 있는 네임스페이스, 데이터베이스, 학생 레지스트리로 가져온 컨테이너 이미지, 워크로드, 동작 확인)',
    'one row per student: namespace, ready, web URL, age, and what is wrong (read-only)':
      '학생마다 한 줄: 네임스페이스, 준비 상태, 웹 URL, 경과 시간, 문제점 (읽기 전용)',
    'text table, or markdown to paste for the students': 'text 표, 또는 학생들에게 붙여 넣을 markdown',
    'then remove the shared ingress controller, if lifesub installed it and no lab or other Ingress uses it':
      '그다음 공유 인그레스 컨트롤러도 삭제합니다 (lifesub이 설치했고 실습 환경이나 다른 Ingress가 사용하지 않을 때만)',
    'also delete objects lifesub did not create in the students’ namespaces': '학생 네임스페이스 안에서 lifesub이 만들지 않은 오브젝트도 삭제합니다',
    'keep the database volumes and credentials': '데이터베이스 볼륨과 인증 정보를 남깁니다',
    'students removed at once (default: the roster’s, else 4)': '동시에 삭제할 학생 수 (기본값: 명단의 값, 없으면 4)',
    "remove every student's lab with down's safety rules; the shared ingress controller only with --include-ingress once no lab remains":
      'down의 안전 규칙에 따라 모든 학생의 실습 환경을 삭제합니다. 공유 인그레스 컨트롤러는 --include-ingress를 지정했고 남은 실습 환경이 없을 때만 삭제합니다',
  },
};
