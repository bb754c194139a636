import type { Section } from './section.js';

export const steps: Section = {
  area: 'steps',
  entries: {
    // src/graph/runner.ts
    'timed out after {0}': '{0} 후 시간 초과',
    'raise timeouts.{0} with --config, or see what it was waiting for above':
      '--config로 timeouts.{0} 값을 늘리거나, 위에서 무엇을 기다리고 있었는지 확인하세요',
    cancelled: '취소됨',
    // src/steps/apply.ts
    'Deploy {0}': '{0} 배포',
    'already as desired': '이미 원하는 상태입니다',
    'Route the APIs through the ingress': '인그레스로 API 라우팅',
    'see `kubectl describe statefulset {0} -n {1}` and `kubectl logs {2}-0 -n {3}`':
      '`kubectl describe statefulset {0} -n {1}`와 `kubectl logs {2}-0 -n {3}`을 확인하세요',
    // src/steps/chart-repos.ts
    'Add the Helm chart repositories': 'Helm 차트 저장소 추가',
    'check that helm can reach the cluster: `helm list -n {0}`': 'helm이 클러스터에 접근할 수 있는지 확인하세요: `helm list -n {0}`',
    'every release is deployed; no chart needed': '모든 릴리스가 배포되어 있어 차트가 필요 없습니다',
    'check network access to {0}': '{0}에 네트워크로 접근할 수 있는지 확인하세요',
    'could not look up {0} {1} in the local index; updating the indexes': '로컬 인덱스에서 {0} {1}을(를) 찾지 못해 인덱스를 업데이트합니다',
    '{0} (pinned charts in the local index)': '{0} (로컬 인덱스의 고정 버전 차트)',
    '{0} (index updated)': '{0} (인덱스 업데이트됨)',
    'helm repo add {0} {1} (only if the ingress controller is to be installed)': 'helm repo add {0} {1} (인그레스 컨트롤러를 설치할 때만)',
    'helm repo add {0} {1} (only if a database is to be installed or moved to {2} {3})':
      'helm repo add {0} {1} (데이터베이스를 설치하거나 {2} {3}(으)로 바꿀 때만)',
    // src/steps/config.ts
    'Apply the configuration': '설정 적용',
    // src/steps/credentials-recover.ts
    'Secret {0} is missing in {1} and the password of database {2} is in no other Secret, but its data volume ({3}) still exists: new passwords would lock the apps out of that data, so nothing was changed':
      '{1}에 Secret {0}이(가) 없고 데이터베이스 {2}의 비밀번호가 다른 Secret에도 없지만, 데이터 볼륨({3})은 아직 남아 있습니다. 새 비밀번호를 만들면 애플리케이션이 그 데이터에 접근할 수 없게 되므로 아무것도 변경하지 않았습니다',
    "either restore Secret {0} (e.g. `kubectl apply -f` your backup) and run up again, or drop the databases' data and start them empty: `lifesub up --id {1} --reset-data`":
      'Secret {0}을(를) 복원하고(예: 백업을 `kubectl apply -f`) up을 다시 실행하거나, 데이터베이스 데이터를 버리고 빈 상태로 시작하세요: `lifesub up --id {1} --reset-data`',
    // src/steps/credentials-reset.ts
    '--reset-data: uninstalling release {0} and deleting its data volume {1}': '--reset-data: 릴리스 {0}을(를) 삭제하고 데이터 볼륨 {1}을(를) 지웁니다',
    'a pod still uses it? `kubectl describe pvc {0} -n {1}`': '아직 파드가 사용 중인가요? `kubectl describe pvc {0} -n {1}`',
    // src/steps/credentials.ts
    'Prepare the credentials': '인증 정보 준비',
    'reused existing credentials{0}': '기존 인증 정보를 재사용했습니다{0}',
    'reused existing credentials — never rotated': '기존 인증 정보를 재사용했습니다 — 교체하지 않음',
    'recovered: {0}': '복구됨: {0}',
    'generated: {0}': '생성됨: {0}',
    'Secret {0} could not be created or read in {1}': '{1}에서 Secret {0}을(를) 만들거나 읽을 수 없습니다',
    'reused credentials created by a concurrent run — never rotated': '동시에 실행된 다른 작업이 만든 인증 정보를 재사용했습니다 — 교체하지 않음',
    'Secret {0} in {1} is incomplete; lifesub will not overwrite it (new passwords would lock the databases out of their data)':
      '{1}의 Secret {0}이(가) 불완전합니다. lifesub은 이를 덮어쓰지 않습니다(새 비밀번호를 만들면 데이터베이스가 기존 데이터에 접근할 수 없게 됩니다)',
    'restore the missing keys, or remove everything with `lifesub down --id {0}` and start over':
      '빠진 키를 복원하거나, `lifesub down --id {0}`으로 모두 삭제한 뒤 처음부터 다시 시작하세요',
    // src/steps/database.ts
    'Install database {0}': '데이터베이스 {0} 설치',
    'already installed ({0})': '이미 설치됨 ({0})',
    'release {0} is stuck in {1} (an interrupted helm run); uninstalling and installing it again — its data volume and credentials are kept':
      '릴리스 {0}이(가) {1} 상태에 멈춰 있습니다(중단된 helm 실행). 삭제 후 다시 설치합니다 — 데이터 볼륨과 인증 정보는 유지됩니다',
    'release {0} is {1} with {2}; upgrading to {3}': '릴리스 {0}이(가) {2}(으)로 {1} 상태입니다. {3}(으)로 업그레이드합니다',
    // src/steps/docker-login.ts
    'Log docker in to the registry': '레지스트리에 docker 로그인',
    'nothing to push': '푸시할 이미지가 없습니다',
    'check that docker is running and {0} is reachable; `az acr login -n {1}` tries the same login':
      'docker가 실행 중이고 {0}에 접근할 수 있는지 확인하세요. `az acr login -n {1}`도 같은 로그인을 시도합니다',
    '{0} (to push {1})': '{0} ({1} 푸시용)',
    // src/steps/empty-namespace.ts
    'namespace {0} is kept: the failed install left {1} objects in it (a re-run repairs them)':
      '네임스페이스 {0}을(를) 남겨 둡니다: 실패한 설치가 그 안에 오브젝트 {1}개를 남겼습니다(다시 실행하면 복구됩니다)',
    'removed namespace {0}, which lifesub had created for the failed install and which is empty':
      '실패한 설치를 위해 lifesub이 만들었던 빈 네임스페이스 {0}을(를) 삭제했습니다',
    'could not check or remove the empty namespace {0}: {1}': '빈 네임스페이스 {0}을(를) 확인하거나 삭제할 수 없습니다: {1}',
    // src/steps/foreign-check.ts
    'Check for objects lifesub did not create': 'lifesub이 만들지 않은 오브젝트 확인',
    'namespace absent': '네임스페이스 없음',
    'only lifesub’s labelled objects are removed (--keep-data)': 'lifesub 레이블이 붙은 오브젝트만 삭제합니다 (--keep-data)',
    '{0} objects, all created by lifesub or Kubernetes': '오브젝트 {0}개, 모두 lifesub 또는 쿠버네티스가 생성',
    '--force: deleting with the namespace {0} object(s) lifesub did not create: {1}':
      '--force: lifesub이 만들지 않은 오브젝트 {0}개도 네임스페이스와 함께 삭제합니다: {1}',
    '--force: {0} object(s) not created by lifesub will be deleted too': '--force: lifesub이 만들지 않은 오브젝트 {0}개도 함께 삭제됩니다',
    'namespace {0} holds {1} object(s) lifesub did not create: {2}; nothing was deleted':
      '네임스페이스 {0}에 lifesub이 만들지 않은 오브젝트 {1}개가 있습니다: {2}. 아무것도 삭제하지 않았습니다',
    'move or delete them yourself (e.g. `kubectl get {0} -n {1}`), keep the namespace with --keep-data, or delete them along with it: lifesub down --id {2} --force':
      '직접 옮기거나 삭제하거나(예: `kubectl get {0} -n {1}`), --keep-data로 네임스페이스를 남기거나, 함께 삭제하세요: lifesub down --id {2} --force',
    // src/steps/frontend-contract.ts
    "Read the frontend's API URL convention": '프론트엔드의 API URL 규칙 읽기',
    '{0}; using frontend.apiBasePaths': '{0}. frontend.apiBasePaths를 사용합니다',
    "warning: frontend.apiBasePaths ({0}) differs from what the frontend's code expects ({1})":
      '경고: frontend.apiBasePaths({0})가 프론트엔드 코드가 기대하는 값({1})과 다릅니다',
    'frontend.apiBasePaths from the configuration: {0}': '설정의 frontend.apiBasePaths: {0}',
    "cannot read the frontend's API client {0} ({1}), so the URL convention is unknown":
      '프론트엔드의 API 클라이언트 {0}을(를) 읽을 수 없어({1}) URL 규칙을 알 수 없습니다',
    'check the lifesub-web clone, or set frontend.apiBasePaths (or frontend.apiClient) in a --config file':
      'lifesub-web 클론을 확인하거나, --config 파일에 frontend.apiBasePaths(또는 frontend.apiClient)를 설정하세요',
    // src/steps/guard.ts
    'Check what may be removed': '삭제할 수 있는 대상 확인',
    'refusing: namespace {0} is a system or shared namespace': '거부: 네임스페이스 {0}은(는) 시스템 또는 공유 네임스페이스입니다',
    'check --id; lifesub only removes <id>{0}': '--id를 확인하세요. lifesub은 <id>{0}만 삭제합니다',
    'nothing to remove: namespace {0} does not exist': '삭제할 것이 없습니다: 네임스페이스 {0}이(가) 없습니다',
    'refusing: namespace {0} was not created by lifesub for id {1}': '거부: 네임스페이스 {0}은(는) lifesub이 ID {1}을(를) 위해 만든 것이 아닙니다',
    'it lacks the labels {0}=lifesub and {1}={2}; delete it yourself if it is yours to remove':
      '{0}=lifesub, {1}={2} 레이블이 없습니다. 삭제해도 되는 네임스페이스라면 직접 삭제하세요',
    '{0} belongs to id {1}': '{0}은(는) ID {1}의 네임스페이스입니다',
    // src/steps/helm-release.ts
    'release {0} in {1} is {2}{3}: another helm run is probably installing it right now':
      '{1}의 릴리스 {0}이(가) {2}{3} 상태입니다: 다른 helm 실행이 지금 설치 중인 것 같습니다',
    'wait for it to finish and run again; if nothing is running, it is repaired automatically once it is older than timeouts.helm':
      '끝날 때까지 기다렸다가 다시 실행하세요. 실행 중인 것이 없다면 timeouts.helm보다 오래된 뒤 자동으로 복구됩니다',
    'release {0}: attempt {1} failed transiently ({2}); trying again in {3}s':
      '릴리스 {0}: {1}번째 시도가 일시적으로 실패했습니다({2}). {3}초 후 다시 시도합니다',
    // src/steps/image-tags.ts
    'Look up the images in the registry': '레지스트리에서 이미지 조회',
    'check that {0} is reachable': '{0}에 접근할 수 있는지 확인하세요',
    '{0}: in the registry': '{0}: 레지스트리에 있음',
    '{0}: to build': '{0}: 빌드 필요',
    'every image is already in the registry': '모든 이미지가 이미 레지스트리에 있습니다',
    'to build: {0}': '빌드할 이미지: {0}',
    // src/steps/image.ts
    'no Dockerfile for {0} in {1}: looked for {2}': '{1}에 {0}의 Dockerfile이 없습니다: {2}을(를) 찾아봤습니다',
    'check that {0} is the lab repository on the expected branch, or list its Dockerfile in services[].dockerfiles':
      '{0}이(가) 올바른 브랜치의 실습 저장소인지 확인하거나, services[].dockerfiles에 Dockerfile 경로를 적으세요',
    'Build image {0}': '컨테이너 이미지 {0} 빌드',
    '{0} is already in the registry': '{0}은(는) 이미 레지스트리에 있습니다',
    'building {0} from {1}': '{1}에서 {0} 빌드 중',
    'see the docker build output above (--verbose shows every line); reproduce with: {0}':
      '위의 docker build 출력을 확인하세요(--verbose로 모든 줄 표시). 다음으로 재현할 수 있습니다: {0}',
    // src/steps/ingress-address.ts
    'Wait for the ingress address': '인그레스 주소 대기',
    "see `helm status {0} -n {1}` and `kubectl get svc -n {2}`; if the controller's Service has another name, set ingress.service in the configuration":
      '`helm status {0} -n {1}`와 `kubectl get svc -n {2}`를 확인하세요. 컨트롤러의 Service 이름이 다르면 설정에서 ingress.service를 지정하세요',
    'ingress at {0} (service {1} in {2})': '인그레스 주소 {0} ({2}의 서비스 {1})',
    // src/steps/ingress-controller.ts
    "IngressClass nginx on this cluster belongs to controller {0}, not k8s.io/ingress-nginx (ingress-nginx), which the lab's Ingress annotations are written for":
      '이 클러스터의 IngressClass nginx는 컨트롤러 {0}의 것이며, 실습의 Ingress 어노테이션이 전제하는 k8s.io/ingress-nginx(ingress-nginx)가 아닙니다',
    'ask whoever runs the cluster; see `kubectl get ingressclass nginx -o yaml`':
      '클러스터 관리자에게 문의하세요. `kubectl get ingressclass nginx -o yaml`로 확인할 수 있습니다',
    'IngressClass nginx exists (ingress-nginx) but no LoadBalancer Service labelled app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller was found in any namespace':
      'IngressClass nginx(ingress-nginx)는 있지만 app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller 레이블이 붙은 LoadBalancer Service를 어느 네임스페이스에서도 찾지 못했습니다',
    'see `kubectl get svc -A -l app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller`; if its Service is exposed another way, ask whoever installed the controller':
      '`kubectl get svc -A -l app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller`로 확인하세요. Service가 다른 방식으로 노출되어 있다면 컨트롤러를 설치한 사람에게 문의하세요',
    // src/steps/ingress.ts
    'Install the ingress controller (shared)': '인그레스 컨트롤러 설치 (공유)',
    'IngressClass nginx is served by the ingress-nginx in namespace {0}{1}; using it':
      'IngressClass nginx는 네임스페이스 {0}{1}의 ingress-nginx가 제공합니다. 이것을 사용합니다',
    'using the existing controller: service {0} in {1}{2} (shared; left unchanged)': '기존 컨트롤러 사용: {1}{2}의 서비스 {0} (공유, 변경하지 않음)',
    'installed {0} {1} in {2}': '{2}에 {0} {1} 설치 완료',
    'already installed ({0}; shared; left unchanged)': '이미 설치됨 ({0}, 공유, 변경하지 않음)',
    'release {0} is stuck in {1} (an interrupted helm run); lifesub installed it and it holds no data, so it is uninstalled and installed again — nothing of value is lost':
      '릴리스 {0}이(가) {1} 상태에 멈춰 있습니다(중단된 helm 실행). lifesub이 설치했고 데이터가 없으므로 삭제 후 다시 설치합니다 — 잃는 것은 없습니다',
    'release {0} is {1}; lifesub installed it, so helm upgrade --install repairs it':
      '릴리스 {0}이(가) {1} 상태입니다. lifesub이 설치한 것이므로 helm upgrade --install로 복구합니다',
    'reinstalled {0} {1} in {2} (was {3})': '{2}에 {0} {1} 재설치 완료 (이전 상태: {3})',
    'repaired {0} {1} in {2} (was {3})': '{2}의 {0} {1} 복구 완료 (이전 상태: {3})',
    'the shared ingress controller (release {0} in {1}) is in state {2} and was not installed by lifesub, so lifesub leaves it alone':
      '공유 인그레스 컨트롤러({1}의 릴리스 {0})가 {2} 상태이며 lifesub이 설치한 것이 아니므로 건드리지 않습니다',
    'see `helm status {0} -n {1}`; `helm rollback {2} -n {3}`, or ask whoever installed it':
      '`helm status {0} -n {1}`로 확인하고 `helm rollback {2} -n {3}`을 실행하거나, 설치한 사람에게 문의하세요',
    'created namespace {0}': '네임스페이스 {0} 생성됨',
    'installing {0} {1} as {2} in {3}': '{3}에 {0} {1}을(를) {2}(으)로 설치 중',
    // src/steps/jars.ts
    'Build the backend jars': '백엔드 실행파일(jar) 빌드',
    'every backend image is already in the registry': '모든 백엔드 이미지가 이미 레지스트리에 있습니다',
    'fix the build error shown above; reproduce with `./gradlew {0} -x test` in {1}':
      '위에 표시된 빌드 오류를 고치세요. {1}에서 `./gradlew {0} -x test`로 재현할 수 있습니다',
    'gradle finished but {0} is missing in {1}': 'gradle은 끝났지만 {1}에 {0}이(가) 없습니다',
    'check that the branch is the lab one and its bootJar name matches services[].jar in the configuration':
      '브랜치가 실습용 브랜치인지, bootJar 이름이 설정의 services[].jar와 같은지 확인하세요',
    // src/steps/lb-address.ts
    'waiting for the LoadBalancer address of service {0}': '서비스 {0}의 LoadBalancer 주소를 기다리는 중',
    'the cloud load balancer did not assign an address; check `kubectl describe svc {0} -n {1}` events, quota of public IPs':
      '클라우드 로드 밸런서가 주소를 할당하지 않았습니다. `kubectl describe svc {0} -n {1}`의 이벤트와 공인 IP 할당량을 확인하세요',
    'service {0} in {1} does not exist{2} (waited {3}s for it to appear)': '{1}에 서비스 {0}이(가) 없습니다{2} (생길 때까지 {3}초 기다렸습니다)',
    'check `kubectl get svc -n {0}`; run lifesub up again': '`kubectl get svc -n {0}`로 확인하고 lifesub up을 다시 실행하세요',
    // src/steps/legacy-cleanup.ts
    'Remove the previous lab (namespace lifesub-ns)': '이전 실습 삭제 (네임스페이스 lifesub-ns)',
    'namespace lifesub-ns does not exist': '네임스페이스 lifesub-ns가 없습니다',
    "see helm's message above; `helm status {0} -n lifesub-ns`, or remove it yourself: `helm uninstall {1} -n lifesub-ns`":
      '위의 helm 메시지를 확인하세요. `helm status {0} -n lifesub-ns`로 보거나 직접 삭제하세요: `helm uninstall {1} -n lifesub-ns`',
    'uninstalled release {0}': '릴리스 {0} 삭제됨',
    'release {0} was not installed': '릴리스 {0}은(는) 설치되어 있지 않았습니다',
    'waiting for namespace lifesub-ns to be deleted': '네임스페이스 lifesub-ns가 삭제되기를 기다리는 중',
    'see what holds it with `kubectl get all,pvc -n lifesub-ns` and `kubectl describe ns lifesub-ns`':
      '`kubectl get all,pvc -n lifesub-ns`와 `kubectl describe ns lifesub-ns`로 무엇이 삭제를 막고 있는지 확인하세요',
    'removed namespace lifesub-ns': '네임스페이스 lifesub-ns 삭제됨',
    // src/steps/manifests.ts
    'applied {0} {1}': '{0} {1} 적용됨',
    // src/steps/namespace.ts
    'Create the namespace': '네임스페이스 생성',
    'namespace {0} exists but was not created by lifesub for id {1}': '네임스페이스 {0}이(가) 이미 있지만 lifesub이 ID {1}을(를) 위해 만든 것이 아닙니다',
    'delete it yourself (`kubectl delete ns {0}`) if it is yours to remove, or pick another --id':
      '삭제해도 되는 네임스페이스라면 직접 삭제하거나(`kubectl delete ns {0}`), 다른 --id를 사용하세요',
    'namespace {0} is being deleted': '네임스페이스 {0}이(가) 삭제되는 중입니다',
    'wait until `kubectl get ns {0}` shows it gone, then run lifesub up again': '`kubectl get ns {0}`에서 사라질 때까지 기다린 뒤 lifesub up을 다시 실행하세요',
    '{0} (existing)': '{0} (기존)',
    '{0} created': '{0} 생성됨',
    // src/steps/pod-problem.ts
    'container {0} is running but not ready yet': '컨테이너 {0}은(는) 실행 중이지만 아직 준비되지 않았습니다',
    // src/steps/preflight.ts
    'Check the Kubernetes connection': '쿠버네티스 연결 확인',
    'context {0}, server {1}, Kubernetes v{2}{3}': '컨텍스트 {0}, 서버 {1}, Kubernetes v{2}{3}',
    // src/steps/pull-secret.ts
    'Create the image pull secret': '이미지 pull 시크릿 생성',
    'Secret {0} already as desired': 'Secret {0}은(는) 이미 원하는 상태입니다',
    'warning: {0}': '경고: {0}',
    'Secret {0} for {1} (short-lived token — attach the registry to AKS for lasting pulls)':
      '{1}용 Secret {0} (짧은 수명의 토큰 — 계속 pull하려면 레지스트리를 AKS에 연결하세요)',
    'Secret {0} for {1}': '{1}용 Secret {0}',
    // src/steps/push.ts
    'Push image {0}': '컨테이너 이미지 {0} 푸시',
    'already in the registry ({0})': '이미 레지스트리에 있음 ({0})',
    'check `docker login` to {0} worked and the registry exists': '{0}에 대한 `docker login`이 성공했는지, 레지스트리가 있는지 확인하세요',
    // src/steps/readiness.ts
    'Wait until everything runs': '모든 워크로드가 실행될 때까지 대기',
    '{0} workloads ready': '워크로드 {0}개 준비됨',
    'see `kubectl describe {0} {1} -n {2}`': '`kubectl describe {0} {1} -n {2}`로 확인하세요',
    '{0} is ready ({1})': '{0} 준비됨 ({1})',
    '{0} is not ready: {1}': '{0} 준비 안 됨: {1}',
    // src/steps/registry-login.ts
    'Get the registry credentials': '레지스트리 인증 정보 가져오기',
    'check that registry {0} exists and your Azure login can read it (`az acr show -n {1}`)':
      '레지스트리 {0}이(가) 있고 Azure 로그인으로 읽을 수 있는지 확인하세요 (`az acr show -n {1}`)',
    'warning: registry {0} reports login server {1}, images are tagged for {2}':
      '경고: 레지스트리 {0}의 로그인 서버는 {1}인데, 이미지는 {2}용으로 태그되어 있습니다',
    // src/steps/remove-ingress.ts
    'Remove the ingress controller (shared)': '인그레스 컨트롤러 삭제 (공유)',
    'still used by {0}': '아직 {0}에서 사용 중',
    'still used by Ingress {0}{1}': '아직 Ingress {0}{1}에서 사용 중',
    'no ingress controller in {0}': '{0}에 인그레스 컨트롤러가 없습니다',
    'not installed by lifesub; left alone': 'lifesub이 설치한 것이 아니므로 건드리지 않습니다',
    'uninstalled {0}': '{0} 삭제됨',
    '{0} removed; namespace {1} kept (not created by lifesub)': '{0} 삭제됨. 네임스페이스 {1}은(는) 유지 (lifesub이 만든 것이 아님)',
    'see what holds it with `kubectl describe ns {0}`': '`kubectl describe ns {0}`로 무엇이 삭제를 막고 있는지 확인하세요',
    '{0} and namespace {1} removed': '{0}와(과) 네임스페이스 {1} 삭제됨',
    // src/steps/remove-namespace.ts
    'Remove the application (keeping data)': '애플리케이션 삭제 (데이터 유지)',
    'Remove the namespace': '네임스페이스 삭제',
    'waiting for namespace {0} to be deleted': '네임스페이스 {0}이(가) 삭제되기를 기다리는 중',
    'see what holds it with `kubectl get all,pvc -n {0}` and `kubectl describe ns {1}`':
      '`kubectl get all,pvc -n {0}`와 `kubectl describe ns {1}`로 무엇이 삭제를 막고 있는지 확인하세요',
    'namespace {0} removed': '네임스페이스 {0} 삭제됨',
    'deleted {0} {1}': '{0} {1} 삭제됨',
    'removed {0} objects; kept namespace {1}, its PVCs and Secret {2}': '오브젝트 {0}개 삭제. 네임스페이스 {1}, PVC, Secret {2}은(는) 유지',
    // src/steps/repos.ts
    'Get the lab sources': '실습 소스 가져오기',
    "--strict: not deploying a clone that differs from the lab's: {0}": '--strict: 실습과 다른 클론은 배포하지 않습니다: {0}',
    'both repositories already present in {0}; left untouched{1}': '두 저장소가 이미 {0}에 있습니다. 그대로 둡니다{1}',
    'cloned {0} into {1}{2}': '{0}을(를) {1}에 클론했습니다{2}',
    '{0} is on {1}, not {2}': '{0}은(는) {2}이(가) 아니라 {1}에 있습니다',
    'warning: {0} ({1})': '경고: {0} ({1})',
    '{0}: using existing clone in {1}': '{0}: {1}의 기존 클론을 사용합니다',
    'cloning {0} (branch {1}) into {2}': '{0} (브랜치 {1})을(를) {2}에 클론하는 중',
    'check the URL {0}, branch {1} and your network; or clone it yourself: `git clone -b {2} {3} {4}`':
      'URL {0}, 브랜치 {1}, 네트워크를 확인하세요. 또는 직접 클론하세요: `git clone -b {2} {3} {4}`',
    '{0} exists but is not a git repository, so {1} cannot be cloned there': '{0}이(가) 있지만 git 저장소가 아니어서 {1}을(를) 그곳에 클론할 수 없습니다',
    'move {0} out of the way, or pass --workspace to clone somewhere else': '{0}을(를) 다른 곳으로 옮기거나, --workspace로 다른 위치에 클론하세요',
    // src/steps/routes.ts
    "Check the student's routes are free on the shared ingress": '공유 인그레스에서 학생의 경로가 비어 있는지 확인',
    "Ingress {0} in namespace {1} already claims {2} on the shared ingress controller; ingress-nginx keeps the older claim, so this ID's routes would reach that namespace's Services":
      '네임스페이스 {1}의 Ingress {0}이(가) 공유 인그레스 컨트롤러에서 이미 {2}을(를) 사용 중입니다. ingress-nginx는 먼저 등록된 것을 유지하므로, 이 ID의 경로가 그 네임스페이스의 Service로 연결됩니다',
    'if that namespace is yours from an earlier lab, remove its Ingress (`kubectl delete ingress {0} -n {1}`); otherwise use another ID, or set routing.mode/routing.domain in a --config file':
      '이전 실습에서 만든 본인의 네임스페이스라면 그 Ingress를 삭제하세요(`kubectl delete ingress {0} -n {1}`). 아니라면 다른 ID를 쓰거나 --config 파일에 routing.mode/routing.domain을 설정하세요',
    'host {0} is free': '호스트 {0} 사용 가능',
    'paths under /{0}/ are free': '/{0}/ 아래 경로 사용 가능',
    // src/steps/smoke-checks.ts
    'runtime-env.js served by the frontend has no {0}: the ConfigMap is not mounted over it, or the page is an old cached build':
      '프론트엔드가 제공하는 runtime-env.js에 {0}이(가) 없습니다: ConfigMap이 그 위에 마운트되지 않았거나, 페이지가 예전에 캐시된 빌드입니다',
    '{0} in runtime-env.js is not a URL: {1}': 'runtime-env.js의 {0}이(가) URL이 아닙니다: {1}',
    // src/steps/smoke.ts
    'Check the application answers': '애플리케이션 응답 확인',
    'see `kubectl get configmap lifesub-web-runtime -n {0} -o yaml`; run lifesub up again':
      '`kubectl get configmap lifesub-web-runtime -n {0} -o yaml`로 확인하고 lifesub up을 다시 실행하세요',
    'the page, runtime-env.js and {0} API routes answer as a browser needs': '페이지, runtime-env.js, API 경로 {0}개가 브라우저에 필요한 대로 응답합니다',
    '{0}: {1} ({2}) → {3} ({4} attempts)': '{0}: {1} ({2}) → {3} ({4}번 시도)',
    'check `kubectl get pods,svc,ingress -n {0}`; the address may still be propagating — run lifesub up again':
      '`kubectl get pods,svc,ingress -n {0}`로 확인하세요. 주소가 아직 전파 중일 수 있습니다 — lifesub up을 다시 실행하세요',
    '{0} → {1}; retrying': '{0} → {1}, 다시 시도합니다',
    // src/steps/uninstall.ts
    'Uninstall database {0}': '데이터베이스 {0} 삭제',
    '{0}; then run lifesub down again': '{0}. 그다음 lifesub down을 다시 실행하세요',
    'release {0} removed': '릴리스 {0} 삭제됨',
    'release {0} not installed': '릴리스 {0}이(가) 설치되어 있지 않음',
    // src/steps/web-address.ts
    'Wait for the frontend address': '프론트엔드 주소 대기',
    'the web-service step creates it: check `kubectl get svc -n {0}` (was it deleted?), then run lifesub up again':
      'web-service 단계가 만듭니다: `kubectl get svc -n {0}`로 확인하고(삭제되었나요?) lifesub up을 다시 실행하세요',
    'frontend at {0}': '프론트엔드 주소 {0}',
    // src/steps/web-service.ts
    'Create the frontend service': '프론트엔드 서비스 생성',
    'Service {0} already as desired': 'Service {0}은(는) 이미 원하는 상태입니다',
    'Service {0}': 'Service {0}',
    // Plan lines (--dry-run), results and reasons built in helpers of the steps
    // src/steps/apply.ts
    'apply Deployment and Service {0} in {1} (unless already as desired)': '{1}에 Deployment와 Service {0} 적용 (이미 원하는 상태가 아니면)',
    'apply the Ingress in {0} (unless already as desired)': '{0}에 Ingress 적용 (이미 원하는 상태가 아니면)',
    'database {0}/{1} to be ready': '데이터베이스 {0}/{1}의 준비',
    // src/steps/chart-repos.ts
    'helm repo update {0} {1} (only if {2} {3} or {4} {5} is not in the local index)':
      'helm repo update {0} {1} ({2} {3} 또는 {4} {5}이(가) 로컬 인덱스에 없을 때만)',
    // src/steps/config.ts
    'apply the ConfigMaps and Secrets (common-config, <service>-config, <service>-secret, …) in {0}':
      '{0}에 ConfigMap과 Secret 적용 (common-config, <service>-config, <service>-secret, …)',
    'ConfigMaps and Secrets': 'ConfigMap과 Secret',
    // src/steps/credentials-recover.ts
    '{0} password from Secret {1}': 'Secret {1}에서 가져온 {0} 비밀번호',
    '{0} password (no data volume yet)': '{0} 비밀번호 (아직 데이터 볼륨 없음)',
    'JWT key from Secret common-secret': 'Secret common-secret에서 가져온 JWT 키',
    'JWT key (users must log in again)': 'JWT 키 (사용자는 다시 로그인해야 합니다)',
    'postgres superuser and replication passwords (the data volumes keep their original ones; the apps do not use them)':
      'postgres 슈퍼유저와 복제용 비밀번호 (데이터 볼륨에는 원래 비밀번호가 남아 있고, 애플리케이션은 이를 사용하지 않습니다)',
    // src/steps/credentials-reset.ts
    'deletion of data volume claim {0}/{1}': '데이터 볼륨 클레임 {0}/{1}의 삭제',
    // src/steps/credentials.ts
    'uninstall the database releases and delete their data volumes in {0} (--reset-data)':
      '{0}의 데이터베이스 릴리스를 삭제하고 데이터 볼륨을 지웁니다 (--reset-data)',
    'reuse Secret {0} in {1} if present, else recover it from the app Secrets, else generate passwords (never next to an existing data volume)':
      '{1}에 Secret {0}이(가) 있으면 재사용하고, 없으면 애플리케이션 Secret에서 복구하고, 그것도 없으면 비밀번호를 생성합니다 (기존 데이터 볼륨이 있으면 생성하지 않음)',
    '; data volumes deleted: {0}': '. 삭제된 데이터 볼륨: {0}',
    'recreated Secret {0} from the app Secrets (passwords unchanged)': '애플리케이션 Secret에서 Secret {0}을(를) 다시 만들었습니다 (비밀번호는 그대로)',
    'generated new credentials (Secret {0})': '새 인증 정보를 생성했습니다 (Secret {0})',
    // src/steps/database.ts
    'helm upgrade --install {0} {1} --version {2} -n {3} --values <postgres values for {4}> (skipped if already deployed at that version)':
      'helm upgrade --install {0} {1} --version {2} -n {3} --values <{4}용 postgres values> (그 버전으로 이미 배포되어 있으면 건너뜀)',
    // src/steps/diagnose.ts
    'check the image was pushed{0}, the registry name, and the pull secret {1} in {2}':
      '이미지가 푸시되었는지{0}, 레지스트리 이름, 그리고 {2}의 pull 시크릿 {1}을(를) 확인하세요',
    'the app crashes at start; see logs (`kubectl logs {0} -n {1} --previous`)':
      '애플리케이션이 시작하다가 죽습니다. 로그를 확인하세요 (`kubectl logs {0} -n {1} --previous`)',
    'a ConfigMap or Secret the pod refers to is missing or lacks a key; `kubectl describe pod {0} -n {1}`':
      '파드가 참조하는 ConfigMap이나 Secret이 없거나 키가 빠져 있습니다. `kubectl describe pod {0} -n {1}`',
    'the cluster has no room for the pod (CPU, memory or volumes); free resources or add nodes':
      '클러스터에 파드를 둘 자리가 없습니다 (CPU, 메모리 또는 볼륨). 리소스를 확보하거나 노드를 추가하세요',
    'still starting; `kubectl describe pod {0} -n {1}` shows its events': '아직 시작 중입니다. `kubectl describe pod {0} -n {1}`에서 이벤트를 볼 수 있습니다',
    // src/steps/docker-login.ts
    'docker login {0} --password-stdin (only when an image has to be pushed)': 'docker login {0} --password-stdin (푸시할 이미지가 있을 때만)',
    // src/steps/foreign-check.ts
    'nothing to check with --keep-data (only objects labelled as lifesub’s are removed)':
      '--keep-data에서는 확인할 것이 없습니다 (lifesub 레이블이 붙은 오브젝트만 삭제합니다)',
    'list objects in {0} that lifesub did not create; stop if there are any (--force: delete them too)':
      '{0}에서 lifesub이 만들지 않은 오브젝트를 찾고, 있으면 멈춥니다 (--force: 그것도 삭제)',
    'list objects in {0} that lifesub did not create; stop if there are any': '{0}에서 lifesub이 만들지 않은 오브젝트를 찾고, 있으면 멈춥니다',
    // src/steps/frontend-contract.ts
    ' (the URLs follow frontend.apiBasePaths from the configuration)': ' (URL은 설정의 frontend.apiBasePaths를 따릅니다)',
    "{0} base ends in '{1}'": "{0}의 base URL은 '{1}'(으)로 끝남",
    // src/steps/guard.ts
    'check that namespace {0} was created by lifesub for id {1}': '네임스페이스 {0}을(를) lifesub이 ID {1}을(를) 위해 만들었는지 확인',
    // src/steps/helm-release.ts
    "see helm's message above; `helm status {0} -n {1}`": '위의 helm 메시지를 확인하세요. `helm status {0} -n {1}`',
    // src/steps/image-tags.ts
    'tag each image <tag>-<digest of its sources, Dockerfile and build args> and ask {0} (HEAD /v2/<repo>/manifests/<tag>) which already exist; those are not built or pushed again':
      '각 이미지에 <tag>-<소스, Dockerfile, 빌드 인수의 다이제스트> 태그를 붙이고 {0}에 이미 있는지 물어봅니다 (HEAD /v2/<repo>/manifests/<tag>). 이미 있는 이미지는 다시 빌드하거나 푸시하지 않습니다',
    // src/steps/image.ts
    'docker build -f <first of {0}> -t {1} {2} (skipped when the registry has that tag)':
      'docker build -f <{0} 중 첫 번째> -t {1} {2} (레지스트리에 그 태그가 있으면 건너뜀)',
    // src/steps/ingress-address.ts
    'wait until service {0} in {1} has a LoadBalancer address': '{1}의 서비스 {0}에 LoadBalancer 주소가 생길 때까지 대기',
    'the ingress release {0} is in state {1}': '인그레스 릴리스 {0}이(가) {1} 상태입니다',
    'there is no ingress release {0} in {1}': '{1}에 인그레스 릴리스 {0}이(가) 없습니다',
    // src/steps/ingress.ts
    'use the ingress-nginx controller of IngressClass nginx if the cluster has one, in any namespace (nothing installed)':
      '클러스터에 IngressClass nginx가 있으면 (어느 네임스페이스든) 그 ingress-nginx 컨트롤러를 사용 (설치하지 않음)',
    'otherwise, if release {0} in {1} is not deployed: helm upgrade --install {2} {3} --version {4} -n {5} --create-namespace --values <ingress values> (a failed or stuck release only if lifesub installed it)':
      '없으면, {1}의 릴리스 {0}이(가) 배포되지 않았을 때: helm upgrade --install {2} {3} --version {4} -n {5} --create-namespace --values <ingress values> (실패했거나 멈춘 릴리스는 lifesub이 설치한 경우에만)',
    // src/steps/jars.ts
    './gradlew {0} -x test (in {1}; only the modules whose image is not in the registry)': './gradlew {0} -x test ({1}에서, 레지스트리에 이미지가 없는 모듈만)',
    // src/steps/lb-address.ts
    'LoadBalancer address of service {0} in {1}': '{1}의 서비스 {0}의 LoadBalancer 주소',
    // src/steps/legacy-cleanup.ts
    'delete namespace lifesub-ns and wait until it is gone': '네임스페이스 lifesub-ns를 삭제하고 사라질 때까지 대기',
    'deletion of namespace lifesub-ns': '네임스페이스 lifesub-ns의 삭제',
    // src/steps/namespace.ts
    'apply Namespace {0} (labelled {1}=lifesub, {2}={3})': 'Namespace {0} 적용 (레이블 {1}=lifesub, {2}={3})',
    // src/steps/preflight.ts
    'check kubeconfig{0}, context {1} and that the API server answers': 'kubeconfig{0}, 컨텍스트 {1}, API 서버 응답 확인',
    ' (signed in through {0})': ' ({0}(으)로 로그인)',
    // src/steps/pull-secret.ts
    'apply Secret {0} (dockerconfigjson for {1}) in {2}': '{2}에 Secret {0} 적용 ({1}용 dockerconfigjson)',
    'the pull secret holds an Azure AD refresh token that expires in about 3 hours; for pulls after that attach the registry to the cluster (az aks update -n <cluster> -g <resource-group> --attach-acr {0}) or enable its admin user':
      'pull 시크릿에는 약 3시간 뒤 만료되는 Azure AD refresh 토큰이 들어 있습니다. 그 뒤에도 pull하려면 레지스트리를 클러스터에 연결하거나(az aks update -n <cluster> -g <resource-group> --attach-acr {0}) 레지스트리의 admin 사용자를 활성화하세요',
    // src/steps/push.ts
    'docker push {0} (skipped when the registry has that tag)': 'docker push {0} (레지스트리에 그 태그가 있으면 건너뜀)',
    // src/steps/readiness.ts
    'wait for the rollout of every Deployment and of the database StatefulSets in {0}, explaining pods that fail':
      '{0}의 모든 Deployment와 데이터베이스 StatefulSet의 롤아웃을 기다리고, 실패하는 파드는 원인을 설명',
    'rollout of {0}': '{0}의 롤아웃',
    // src/steps/registry-login.ts
    'get credentials for registry {0}': '레지스트리 {0}의 인증 정보 가져오기',
    'as {0} (admin user)': '{0}(으)로 (admin 사용자)',
    'with an Azure AD token': 'Azure AD 토큰으로',
    // src/steps/remove-ingress.ts
    'if no other *{0} namespace and no other Ingress of class nginx exists and lifesub installed it: helm uninstall {1} -n {2}, delete namespace {3} if lifesub created it':
      '다른 *{0} 네임스페이스도, class nginx인 다른 Ingress도 없고 lifesub이 설치했다면: helm uninstall {1} -n {2}, lifesub이 만들었다면 네임스페이스 {3} 삭제',
    'deletion of namespace {0}': '네임스페이스 {0}의 삭제',
    // src/steps/remove-namespace.ts
    'delete every object labelled {0}={1} in {2} except PVCs and Secret {3}': '{2}에서 {0}={1} 레이블이 붙은 모든 오브젝트 삭제 (PVC와 Secret {3}은 제외)',
    'delete namespace {0} and wait until it is gone': '네임스페이스 {0}을(를) 삭제하고 사라질 때까지 대기',
    // src/steps/repos.ts
    'git clone {0} -b {1} {2} (kept as is if already cloned)': 'git clone {0} -b {1} {2} (이미 클론되어 있으면 그대로 둠)',
    '{0} has {1} uncommitted change ({2}{3}); deployed as it is': '{0}에 커밋하지 않은 변경이 {1}개 있습니다 ({2}{3}). 그대로 배포합니다',
    '{0} has {1} uncommitted changes ({2}{3}); deployed as it is': '{0}에 커밋하지 않은 변경이 {1}개 있습니다 ({2}{3}). 그대로 배포합니다',
    '`git -C {0} status`, then commit or `git -C {1} stash` and `git -C {2} switch {3}`':
      '`git -C {0} status`로 확인한 뒤 커밋하거나 `git -C {1} stash`하고 `git -C {2} switch {3}`하세요',
    '{0}; or run without --strict to deploy the clones as they are (lifesub never changes them)':
      '{0}. 또는 --strict 없이 실행해 클론을 그대로 배포하세요 (lifesub은 클론을 바꾸지 않습니다)',
    // src/steps/routes.ts
    'list Ingresses of class nginx in all namespaces; refuse if another claims host {0}.<ingress-ip>.{1} with the same paths':
      '모든 네임스페이스에서 class nginx인 Ingress를 찾아, 다른 Ingress가 같은 경로로 호스트 {0}.<ingress-ip>.{1}을(를) 쓰고 있으면 거부',
    'list Ingresses of class nginx in all namespaces; refuse if another claims the /{0}/ paths':
      '모든 네임스페이스에서 class nginx인 Ingress를 찾아, 다른 Ingress가 /{0}/ 경로를 쓰고 있으면 거부',
    // src/steps/smoke-checks.ts
    "{0} without Access-Control-Allow-Origin {1}: CORS refuses the page's origin — ALLOWED_ORIGINS in ConfigMap common-config must contain {2}":
      '{0}에 Access-Control-Allow-Origin {1}이(가) 없습니다: CORS가 페이지의 origin을 거부합니다 — ConfigMap common-config의 ALLOWED_ORIGINS에 {2}이(가) 있어야 합니다',
    '{0}: the request reached {1} on a path it does not map (Spring Security refuses those with 403) — the base URL convention is wrong; set frontend.apiBasePaths':
      '{0}: 요청이 {1}에 도달했지만 매핑되지 않은 경로입니다 (Spring Security가 403으로 거부) — base URL 규칙이 잘못되었습니다. frontend.apiBasePaths를 설정하세요',
    '{0} from the ingress controller: no ingress route for this host and path — check Ingress backend-ingress and that the host resolves to the ingress address':
      '인그레스 컨트롤러의 {0} 응답: 이 호스트와 경로에 대한 인그레스 라우트가 없습니다 — Ingress backend-ingress와, 호스트가 인그레스 주소로 해석되는지 확인하세요',
    '{0} from {1}: the path is not one of its routes — the base URL convention is wrong; set frontend.apiBasePaths':
      '{1}의 {0} 응답: 그 경로는 라우트에 없습니다 — base URL 규칙이 잘못되었습니다. frontend.apiBasePaths를 설정하세요',
    '{0}: no ready backend behind the route — check `kubectl get pods,endpoints` for {1}':
      '{0}: 라우트 뒤에 준비된 백엔드가 없습니다 — {1}에 대해 `kubectl get pods,endpoints`를 확인하세요',
    '{0}: the ingress could not get an answer from {1} — is it crashing?': '{0}: 인그레스가 {1}에서 응답을 받지 못했습니다 — 죽고 있나요?',
    '{0}: {1} failed on the request — see its logs': '{0}: {1}이(가) 요청 처리 중 실패했습니다 — 로그를 확인하세요',
    // src/steps/smoke.ts
    'GET http://<web-address>/ and /runtime-env.js: expect 200': 'GET http://<web-address>/ 와 /runtime-env.js: 200 기대',
    'through each URL in runtime-env.js, with Origin http://<web-address>: POST <MEMBER_URL>/login as an unknown user → 401, GET <MYSUB_URL>/categories and <RECOMMEND_URL>/categories → an answer of the service; CORS must allow the origin':
      'runtime-env.js의 각 URL로, Origin http://<web-address>를 붙여: 모르는 사용자로 POST <MEMBER_URL>/login → 401, GET <MYSUB_URL>/categories와 <RECOMMEND_URL>/categories → 서비스의 응답. CORS가 origin을 허용해야 합니다',
    'the frontend does not answer': '프론트엔드가 응답하지 않습니다',
    'the frontend cannot use the API': '프론트엔드가 API를 사용할 수 없습니다',
    // src/steps/web-address.ts
    'wait until the frontend Service in {0} has a LoadBalancer address': '{0}의 프론트엔드 Service에 LoadBalancer 주소가 생길 때까지 대기',
    // src/steps/web-service.ts
    'apply Service (LoadBalancer) for the frontend in {0}': '{0}에 프론트엔드용 Service (LoadBalancer) 적용',
    // src/steps/registry-login.ts: the result, `${loginServer} ${how}`
    '{0} as {1} (admin user)': '{0}, {1}(으)로 로그인 (admin 사용자)',
    '{0} with an Azure AD token': '{0}, Azure AD 토큰으로 로그인',
    // src/steps/manifests.ts: describeCount ("1 object applied", or with the caller's noun)
    '{0} object applied': '오브젝트 {0}개 적용됨',
    '{0} objects applied': '오브젝트 {0}개 적용됨',
    '{0} object applied, {1} unchanged': '오브젝트 {0}개 적용됨, {1}개 변경 없음',
    '{0} objects applied, {1} unchanged': '오브젝트 {0}개 적용됨, {1}개 변경 없음',
    '{0} {1} applied': '{1} {0}개 적용됨',
    '{0} {1} applied, {2} unchanged': '{1} {0}개 적용됨, {2}개 변경 없음',
    // src/steps/namespace.ts
    'namespace {0} is being deleted{1}': '네임스페이스 {0}이(가) 삭제되는 중입니다{1}',
    // src/steps/readiness.ts
    '{0}/{1} ready; waiting for {2}': '{0}/{1} 준비됨, {2} 대기 중',
    // src/steps/repos.ts
    'warning: {0} held a clone that never finished (no commit; interrupted); moved it to {1} and cloning again':
      '경고: {0}에 끝나지 않은 클론이 있었습니다 (커밋 없음, 중단됨). {1}(으)로 옮기고 다시 클론합니다',
  },
};
