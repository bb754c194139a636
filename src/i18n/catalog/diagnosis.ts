import type { Section } from './section.js';

/** Causes found for a failure: what the cluster, the registry or a tool said, and what to do (src/diagnosis). */
export const diagnosis: Section = {
  area: 'diagnosis',
  entries: {
    // src/adapters/kube/errors.ts
    'this is a permission (RBAC), not an expired login: ask the cluster admin for access to this resource (`kubectl auth can-i --list` shows yours)':
      '로그인 만료가 아니라 권한(RBAC) 문제입니다: 클러스터 관리자에게 이 리소스에 대한 접근 권한을 요청하세요 (내 권한은 `kubectl auth can-i --list`로 확인)',
    // src/diagnosis/api-refusal.ts
    'the webhook {0} refuses a host and path that Ingress {1} in namespace {2} already serves; give this lab its own host (--config ingress host) or remove the other Ingress':
      '웹훅 {0}이(가) 네임스페이스 {2}의 Ingress {1}이(가) 이미 사용하는 호스트와 경로를 거부합니다. 이 실습 환경에 별도의 호스트를 지정하거나 (--config의 ingress host) 다른 Ingress를 삭제하세요',
    "the cluster's admission webhook {0} refused the object; fix what it says, or ask the cluster admin about that webhook (`kubectl get validatingwebhookconfigurations`)":
      '클러스터의 어드미션 웹훅 {0}이(가) 오브젝트를 거부했습니다. 웹훅이 알려 주는 내용을 고치거나, 클러스터 관리자에게 그 웹훅에 대해 문의하세요 (`kubectl get validatingwebhookconfigurations`)',
    'the admission webhook {0} does not answer (its controller pod is not ready or was removed); wait for it, or if its controller is gone delete its leftover ValidatingWebhookConfiguration':
      '어드미션 웹훅 {0}이(가) 응답하지 않습니다 (컨트롤러 파드가 준비되지 않았거나 삭제되었습니다). 기다리거나, 컨트롤러가 없어졌다면 남아 있는 ValidatingWebhookConfiguration을 삭제하세요',
    'this is a permission, not an expired login: {0} may not {1} {2}{3}; ask the cluster admin for a Role that allows it (check with `kubectl auth can-i {4} {5}{6}`)':
      '로그인 만료가 아니라 권한 문제입니다: {0}에게는 {2}{3}에 대한 {1} 권한이 없습니다. 클러스터 관리자에게 이를 허용하는 Role을 요청하세요 (`kubectl auth can-i {4} {5}{6}`로 확인)',
    // src/diagnosis/image-pull.ts
    'the cluster is not allowed to pull from {0} (401): attach the registry to the cluster (`az aks update -n <cluster> -g <resource-group> --attach-acr {1}`) or check the pull secret {2} in {3}':
      '클러스터가 {0}에서 컨테이너 이미지를 가져올 권한이 없습니다 (401): 레지스트리를 클러스터에 연결하거나 (`az aks update -n <cluster> -g <resource-group> --attach-acr {1}`) {3}의 pull 시크릿 {2}을(를) 확인하세요',
    '{0} refused to serve {1} without credentials (401): the image is private or its name is wrong; use a public image or give the cluster a pull secret for {2}':
      '{0}이(가) 인증 정보 없이는 {1}을(를) 내주지 않습니다 (401): 비공개 이미지이거나 이름이 잘못되었습니다. 공개 이미지를 사용하거나 클러스터에 {2}용 pull 시크릿을 주세요',
    '{0} is not in your registry {1}: the push step did not push this tag; run `lifesub up` again, or check with `az acr repository show-tags -n {2} --repository {3}`':
      '{0}이(가) 레지스트리 {1}에 없습니다: push 단계에서 이 태그를 push하지 않았습니다. `lifesub up`을 다시 실행하거나 `az acr repository show-tags -n {2} --repository {3}`로 확인하세요',
    'the public image {0} no longer exists on {1} (the tag or repository was removed upstream); choose a tag that exists and set it in your --config':
      '공개 컨테이너 이미지 {0}이(가) {1}에 더 이상 없습니다 (업스트림에서 태그나 저장소가 삭제됨). 존재하는 태그를 골라 --config 파일에 설정하세요',
    'the cluster cannot resolve your registry {0}: check that registry {1} exists (`az acr show -n {2}`) and the registry name you gave lifesub':
      '클러스터가 레지스트리 {0}의 주소를 찾지 못합니다(DNS): 레지스트리 {1}이(가) 있는지 (`az acr show -n {2}`), lifesub에 준 레지스트리 이름이 맞는지 확인하세요',
    "the cluster cannot resolve the registry host {0}: check the image name {1} for a typo and the nodes' DNS":
      '클러스터가 레지스트리 호스트 {0}의 주소를 찾지 못합니다(DNS): 이미지 이름 {1}에 오타가 없는지, 노드의 DNS를 확인하세요',
    // src/diagnosis/load-balancer.ts
    'the subscription has no public IP left ({0}): delete unused public IPs or LoadBalancer Services, or raise the quota':
      '구독에 남은 공인 IP가 없습니다 ({0}): 사용하지 않는 공인 IP나 LoadBalancer Service를 삭제하거나 할당량을 늘리세요',
    "the cluster's identity may not manage the load balancer (AuthorizationFailed): ask the subscription admin to grant it Network Contributor on the node resource group":
      '클러스터의 ID에 로드 밸런서를 관리할 권한이 없습니다 (AuthorizationFailed): 구독 관리자에게 노드 리소스 그룹에 대한 Network Contributor 역할을 부여해 달라고 요청하세요',
    'the cloud provider could not create the load balancer{0}; fix what its message says (`kubectl describe svc {1} -n {2}`)':
      '클라우드 공급자가 로드 밸런서를 만들지 못했습니다{0}. 메시지가 알려 주는 내용을 고치세요 (`kubectl describe svc {1} -n {2}`)',
    // src/diagnosis/namespace.ts
    'objects in {0} carry finalizer {1} that no controller removes (its operator is gone or failing); find them with `kubectl get all,pvc,configmap,secret -n {2} -o custom-columns=KIND:.kind,NAME:.metadata.name,FINALIZERS:.metadata.finalizers`, fix or reinstall that operator, or remove the finalizer if you know it is safe':
      '{0}의 오브젝트에 어떤 컨트롤러도 제거하지 않는 파이널라이저 {1}이(가) 붙어 있습니다 (해당 오퍼레이터가 없거나 실패하고 있습니다). `kubectl get all,pvc,configmap,secret -n {2} -o custom-columns=KIND:.kind,NAME:.metadata.name,FINALIZERS:.metadata.finalizers`로 찾은 뒤, 그 오퍼레이터를 고치거나 다시 설치하세요. 안전하다고 확신하면 파이널라이저를 제거해도 됩니다',
    'objects in {0} carry finalizers {1} that no controller removes (its operator is gone or failing); find them with `kubectl get all,pvc,configmap,secret -n {2} -o custom-columns=KIND:.kind,NAME:.metadata.name,FINALIZERS:.metadata.finalizers`, fix or reinstall that operator, or remove the finalizer if you know it is safe':
      '{0}의 오브젝트에 어떤 컨트롤러도 제거하지 않는 파이널라이저 {1}이(가) 붙어 있습니다 (해당 오퍼레이터가 없거나 실패하고 있습니다). `kubectl get all,pvc,configmap,secret -n {2} -o custom-columns=KIND:.kind,NAME:.metadata.name,FINALIZERS:.metadata.finalizers`로 찾은 뒤, 그 오퍼레이터를 고치거나 다시 설치하세요. 안전하다고 확신하면 파이널라이저를 제거해도 됩니다',
    'an aggregated API of the cluster is unavailable (`kubectl get apiservice` shows which); fix or remove it so the namespace controller can list every kind':
      '클러스터의 aggregated API 중 하나를 사용할 수 없습니다 (어느 것인지는 `kubectl get apiservice`로 확인). 네임스페이스 컨트롤러가 모든 종류의 오브젝트를 조회할 수 있도록 고치거나 제거하세요',
    'the namespace controller is still deleting objects in {0}; `kubectl describe ns {1}` shows what is left':
      '네임스페이스 컨트롤러가 아직 {0}의 오브젝트를 삭제하고 있습니다. 남은 것은 `kubectl describe ns {1}`로 확인하세요',
    // src/diagnosis/tool-output.ts
    '{0} already belongs to {1}: that installation owns it, so this one cannot; use that controller (remove its leftovers first if it is broken: `helm list -A`), or ask whoever installed it':
      '{0}은(는) 이미 {1}의 것입니다: 그 설치가 소유하고 있어 이 설치는 가질 수 없습니다. 그 컨트롤러를 사용하거나 (고장 났다면 먼저 남은 것을 삭제하세요: `helm list -A`), 설치한 사람에게 문의하세요',
    'the disk is full: free space (`df -h`; `docker system prune` removes unused images and build cache, `~/.gradle/caches` can be deleted) and run again':
      '디스크가 가득 찼습니다: 공간을 확보한 뒤 (`df -h`. `docker system prune`은 사용하지 않는 이미지와 빌드 캐시를 지우고, `~/.gradle/caches`는 삭제해도 됩니다) 다시 실행하세요',
    // src/diagnosis/pod-creation.ts
    "ResourceQuota {0} is full: `kubectl describe resourcequota {1} -n {2}` shows used and hard; raise it (for `lifesub class`: the roster's `budget:`) or remove what else runs in the namespace":
      'ResourceQuota {0}이(가) 가득 찼습니다: 사용량과 한도는 `kubectl describe resourcequota {1} -n {2}`로 확인하세요. 한도를 올리거나 (`lifesub class`라면 명단의 `budget:`) 네임스페이스에서 실행 중인 다른 것을 지우세요',
    'ResourceQuota {0} admits only pods whose containers declare {1}; give them defaults with a LimitRange (`kubectl describe resourcequota,limitrange -n {2}`)':
      'ResourceQuota {0}은(는) 컨테이너가 {1}을(를) 선언한 파드만 허용합니다. LimitRange로 기본값을 주세요 (`kubectl describe resourcequota,limitrange -n {2}`)',
    'the admission webhook {0} refused the pod for the reason it gives; ask whoever runs it (`kubectl get validatingwebhookconfigurations`)':
      '어드미션 웹훅 {0}이(가) 메시지에 적힌 이유로 파드를 거부했습니다. 웹훅을 운영하는 사람에게 문의하세요 (`kubectl get validatingwebhookconfigurations`)',
    "the namespace's pod-security.kubernetes.io labels forbid the pod (`kubectl get namespace {0} --show-labels`)":
      '네임스페이스의 pod-security.kubernetes.io 레이블이 이 파드를 금지합니다 (`kubectl get namespace {0} --show-labels`)',
    'the cluster refused to create the pod; see `kubectl describe {0} -n {1}`':
      '클러스터가 파드 생성을 거부했습니다. `kubectl describe {0} -n {1}`을(를) 확인하세요',
  },
};
