import type { Section } from './section.js';

export const config: Section = {
  area: 'config',
  entries: {
    // src/config/settings.ts: the first line of the error listing every problem (built in a variable, so the scan misses it)
    'cannot start:': '시작할 수 없습니다:',
    'cannot start ({0} problems):': '시작할 수 없습니다 (문제 {0}개):',
    // src/config/read.ts: parts chosen in variables (the scan sees only the sentence around them)
    'configuration file {0} does not exist': '설정 파일 {0}이(가) 없습니다',
    'configuration file {0} is a directory': '설정 파일 {0}은(는) 디렉토리입니다',
    'configuration file {0} cannot be read ({1})': '설정 파일 {0}을(를) 읽을 수 없습니다 ({1})',
    'invalid configuration in {0}:': '{0}의 설정이 올바르지 않습니다:',
    '{0} (merged over the defaults)': '{0} (기본값에 병합한 결과)',
    'the built-in defaults': '내장 기본값',
    // src/config/id.ts
    "the ID is empty; use an ID like 'alice' or 'dg0200'": "ID가 비어 있습니다. 'alice'나 'dg0200' 같은 ID를 사용하세요",
    "ID '{0}': the namespace '{1}' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit){2}; use an ID like 'alice' or 'dg0200'":
      "ID '{0}': 네임스페이스 '{1}'은(는) DNS-1123 레이블이어야 합니다 (영문 소문자, 숫자, '-'만, 최대 63자, 영문자나 숫자로 시작하고 끝남){2}. 'alice'나 'dg0200' 같은 ID를 사용하세요",
    "ID '{0}': the registry name '{1}' must be 5–50 letters or digits{2}; use an ID like 'alice' or 'dg0200'":
      "ID '{0}': 레지스트리 이름 '{1}'은(는) 영문자나 숫자 5–50자여야 합니다{2}. 'alice'나 'dg0200' 같은 ID를 사용하세요",
    ' — it has {0} characters': ' — 지금 {0}자입니다',
    ' — it contains uppercase letters': ' — 대문자가 들어 있습니다',
    " — it contains characters other than lowercase letters, digits and '-'": " — 영문 소문자, 숫자, '-' 이외의 문자가 들어 있습니다",
    " — it starts or ends with '-'": " — '-'로 시작하거나 끝납니다",
    ' — it contains characters other than letters and digits': ' — 영문자와 숫자 이외의 문자가 들어 있습니다',
    ' — it has only {0} characters': ' — {0}자밖에 되지 않습니다',
    // src/config/paths.ts
    '{0} {1} is a file, not a directory': '{0} {1}은(는) 디렉토리가 아니라 파일입니다',
    '{0} {1} is a directory, not a file': '{0} {1}은(는) 파일이 아니라 디렉토리입니다',
    '{0} {1} is neither a file nor a directory': '{0} {1}은(는) 파일도 디렉토리도 아닙니다',
    '{0} {1} cannot be created: {2} is a file': '{0} {1}을(를) 만들 수 없습니다: {2}이(가) 파일입니다',
    // src/config/read.ts
    'configuration file {0} must be a YAML mapping (key: value), not {1}': '설정 파일 {0}은(는) {1}이(가) 아니라 YAML 매핑(key: value)이어야 합니다',
    'fix the listed keys; config/default.yaml in the lifesub package shows the full shape':
      '표시된 키를 고치세요. lifesub 패키지의 config/default.yaml에서 전체 구조를 볼 수 있습니다',
    'invalid configuration in {0}:\n{1}': '{0}의 설정이 올바르지 않습니다:\n{1}',
    'services must contain exactly one frontend service (found {0})\n  → at services':
      'services에는 frontend 서비스가 정확히 하나 있어야 합니다 ({0}개 있음)\n  → 위치: services',
    "service name '{0}' is used twice\n  → at services[{1}].name": "서비스 이름 '{0}'이(가) 두 번 쓰였습니다\n  → 위치: services[{1}].name",
    "database '{0}' is used twice\n  → at services[{1}].database": "데이터베이스 '{0}'이(가) 두 번 쓰였습니다\n  → 위치: services[{1}].database",
    'configuration file {0} {1}': '설정 파일 {0}: {1}',
    'check the path given to --config': '--config로 준 경로를 확인하세요',
    'configuration file {0} is not valid YAML:\n{1}': '설정 파일 {0}이(가) 올바른 YAML이 아닙니다:\n{1}',
    'fix the YAML syntax at the line shown (indentation and "key: value" pairs)': '표시된 줄의 YAML 문법을 고치세요 (들여쓰기와 "key: value" 쌍)',
    // src/config/settings.ts
    'no student ID given': '학생 ID가 주어지지 않았습니다',
    'pass --id <your lab ID>, e.g. --id alice': '--id <실습 ID>를 지정하세요. 예: --id alice',
    'pass the lab ID your registry and namespace are named after, e.g. --id dg0200':
      '레지스트리와 네임스페이스 이름에 쓰인 실습 ID를 지정하세요. 예: --id dg0200',
    "--timeout '{0}' is not a positive duration": "--timeout '{0}'은(는) 양수 시간이 아닙니다",
    'give --timeout as a number with a unit: 90s, 30m or 1h': '--timeout은 숫자와 단위로 지정하세요: 90s, 30m, 1h',
    "--timeout '{0}' is longer than the maximum of 168h (7 days)": "--timeout '{0}'은(는) 최대값 168h(7일)보다 깁니다",
    'give --timeout as a number with a unit: 90s, 30m or 1h (at most 168h)': '--timeout은 숫자와 단위로 지정하세요: 90s, 30m, 1h (최대 168h)',
    'point it at the right place (a directory for --workspace and LIFESUB_HOME, a file for --kubeconfig)':
      '올바른 위치를 지정하세요 (--workspace와 LIFESUB_HOME은 디렉토리, --kubeconfig는 파일)',
    "--output '{0}' is not one of {1}": "--output '{0}'은(는) {1} 중 하나가 아닙니다",
    'use --output text (default) or --output json': '--output text(기본값) 또는 --output json을 사용하세요',
    // src/render/frontend-contract.ts
    "no `{0}_URL = window.__runtime_config__.{1}_URL || '<default URL>'`": "`{0}_URL = window.__runtime_config__.{1}_URL || '<default URL>'`이(가) 없습니다",
    "the default of {0}_URL, '{1}', is not a URL": "{0}_URL의 기본값 '{1}'이(가) URL이 아닙니다",
    "the default of {0}_URL ends in '{1}', which is neither '' nor a leading part of {2}'s API path {3}":
      "{0}_URL의 기본값이 '{1}'(으)로 끝나는데, 이는 ''도 아니고 {2}의 API 경로 {3}의 앞부분도 아닙니다",
    "'{0}' is not a backend service": "'{0}'은(는) 백엔드 서비스가 아닙니다",
    'no entry for {0}': '{0} 항목이 없습니다',
    "{0}: '{1}' is neither '' nor a leading part of {2}": "{0}: '{1}'은(는) ''도 아니고 {2}의 앞부분도 아닙니다",
    'frontend.apiBasePaths in the configuration does not fit the services: {0}': '설정의 frontend.apiBasePaths가 서비스와 맞지 않습니다: {0}',
    "give every backend '' or its API path, e.g. { {0} }": "모든 백엔드에 '' 또는 해당 API 경로를 지정하세요. 예: { {0} }",
    "cannot tell which base URLs the frontend expects from {0}: {1}. Expected lines like `const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';` whose default URL's path is '' or the API path":
      "{0}에서 프론트엔드가 기대하는 base URL을 알 수 없습니다: {1}. 기본 URL의 경로가 ''이거나 API 경로인 `const MEMBER_URL = window.__runtime_config__.MEMBER_URL || 'http://localhost:8081/api/auth';` 같은 줄이 있어야 합니다",
    "set frontend.apiBasePaths in a --config file to the path each base URL must end with, e.g. { {0} } (today's lifesub-web) or '' for each (before 2025-04-06)":
      "--config 파일에서 frontend.apiBasePaths를 각 base URL이 끝나야 하는 경로로 설정하세요. 예: { {0} } (현재 lifesub-web) 또는 모두 '' (2025-04-06 이전)",
    // src/render/routes.ts
    "the ingress controller's address {0} is not an IPv4 address, so no {1} host can point at it":
      '인그레스 컨트롤러의 주소 {0}이(가) IPv4 주소가 아니어서 {1} 호스트가 그 주소를 가리킬 수 없습니다',
    'set routing.mode: path in a --config file (routes under /<id>/ on the address), or routing.domain to a domain with wildcard DNS for it':
      '--config 파일에 routing.mode: path를 설정하거나(주소의 /<id>/ 아래 경로), routing.domain을 와일드카드 DNS가 있는 도메인으로 설정하세요',
    // src/config/read.ts
    'configuration file {0}: {1} must be a single value (text), not {2}': '설정 파일 {0}: {1}은(는) {2}이(가) 아니라 단일 값(텍스트)이어야 합니다',
    // src/config/settings.ts
    'pass --id <your lab ID> (or set LIFESUB_ID, or id: in lifesub.config.yaml), e.g. --id alice':
      '--id <실습 ID>를 지정하세요 (또는 LIFESUB_ID나 lifesub.config.yaml의 id:를 설정하세요). 예: --id alice',
    "{0} '{1}' is not a positive duration": "{0} '{1}'은(는) 0보다 큰 시간 값이 아닙니다",
    "{0} '{1}' is longer than the maximum of 168h (7 days)": "{0} '{1}'은(는) 최대값 168h(7일)보다 깁니다",
  },
};
