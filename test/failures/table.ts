// THE failure table (issue 8, acceptance): bad inputs and broken worlds, each with the exit code and the
// first line lifesub prints for it. Data only: test/unit/failures.test.ts runs every row (drivers in
// test/failures/drivers.ts) and checks code and first line, that no stack trace is printed, and that
// docs/failures.md is this table. Placeholders in `first`: <tmp> (a temporary path), <pod> (a generated
// pod name suffix), <port> (a random port), <time> (<age> ago) (a timestamp and its age).

export interface FailureRow {
  /** Stable key; the driver of a world row has the same key. */
  id: string;
  /** input: argv of the CLI, run in-process with no cluster at all. world: a broken cluster/tool, run through the real step code. */
  kind: 'input' | 'world';
  /** What is wrong, in one line (the docs column). */
  what: string;
  /** For input rows: the argv after `lifesub` (<file>, <dir> and <badyaml> are created by the test). */
  argv?: string[];
  /** Environment for input rows (same placeholders). */
  env?: Record<string, string>;
  code: number;
  /** First line of the error output. */
  first: string;
}

export const FAILURES: FailureRow[] = [
  {
    id: 'no-id',
    kind: 'input',
    what: 'up without --id',
    argv: ['up'],
    code: 2,
    first: 'error: cannot start: - no student ID given',
  },
  {
    id: 'id-uppercase',
    kind: 'input',
    what: 'an ID with uppercase letters and an underscore',
    argv: ['up', '--id', 'Bad_ID'],
    code: 2,
    first:
      "error: cannot start (2 problems): - ID 'Bad_ID': the namespace 'Bad_ID-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it contains uppercase letters; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'id-too-short',
    kind: 'input',
    what: 'an ID too short for a registry name',
    argv: ['up', '--id', 'a'],
    code: 2,
    first:
      "error: cannot start: - ID 'a': the registry name 'acr' must be 5–50 letters or digits — it has only 3 characters; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'id-leading-dash',
    kind: 'input',
    what: "an ID starting with '-'",
    argv: ['status', '--id', '-x'],
    code: 2,
    first:
      "error: cannot start (2 problems): - ID '-x': the namespace '-x-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it starts or ends with '-'; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'id-too-long',
    kind: 'input',
    what: 'an ID longer than a registry name allows',
    argv: ['up', '--id', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    code: 2,
    first:
      "error: cannot start (2 problems): - ID 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa': the namespace 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it has 71 characters; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'down-no-id',
    kind: 'input',
    what: 'down without --id',
    argv: ['down'],
    code: 2,
    first: 'error: cannot start: - no student ID given',
  },
  {
    id: 'down-id-uppercase',
    kind: 'input',
    what: 'down with an uppercase ID',
    argv: ['down', '--id', 'ALICE'],
    code: 2,
    first:
      "error: cannot start: - ID 'ALICE': the namespace 'ALICE-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it contains uppercase letters; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'render-bad-id',
    kind: 'input',
    what: 'render with an invalid ID',
    argv: ['render', '--id', 'al.ice'],
    code: 2,
    first:
      "error: cannot start (2 problems): - ID 'al.ice': the namespace 'al.ice-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it contains characters other than lowercase letters, digits and '-'; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'timeout-overflow',
    kind: 'input',
    what: "--timeout beyond Node's timer range",
    argv: ['up', '--id', 'alice', '--timeout', '99999999999h'],
    code: 2,
    first: "error: cannot start: - --timeout '99999999999h' is longer than the maximum of 168h (7 days)",
  },
  {
    id: 'timeout-garbage',
    kind: 'input',
    what: '--timeout that is not a duration',
    argv: ['up', '--id', 'alice', '--timeout', 'abc'],
    code: 2,
    first: "error: cannot start: - --timeout 'abc' is not a positive duration",
  },
  {
    id: 'timeout-zero',
    kind: 'input',
    what: '--timeout of zero',
    argv: ['up', '--id', 'alice', '--timeout', '0s'],
    code: 2,
    first: "error: cannot start: - --timeout '0s' is not a positive duration",
  },
  {
    id: 'timeout-negative',
    kind: 'input',
    what: '--timeout negative',
    argv: ['up', '--id', 'alice', '--timeout=-5m'],
    code: 2,
    first: "error: cannot start: - --timeout '-5m' is not a positive duration",
  },
  {
    id: 'output-unknown',
    kind: 'input',
    what: '--output of an unknown format',
    argv: ['up', '--id', 'alice', '--output', 'xml'],
    code: 2,
    first: "error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are text, json.",
  },
  {
    id: 'unknown-flag',
    kind: 'input',
    what: 'an unknown flag',
    argv: ['up', '--id', 'alice', '--bogus'],
    code: 2,
    first: "error: unknown option '--bogus'",
  },
  {
    id: 'unknown-command',
    kind: 'input',
    what: 'an unknown command',
    argv: ['frobnicate'],
    code: 2,
    first: "error: unknown command 'frobnicate'",
  },
  {
    id: 'config-missing',
    kind: 'input',
    what: '--config naming a file that does not exist',
    argv: ['up', '--id', 'alice', '--config', '<dir>/missing.yaml'],
    code: 2,
    first: 'error: cannot start: - configuration file <tmp>/a-dir/missing.yaml does not exist',
  },
  {
    id: 'config-not-yaml',
    kind: 'input',
    what: '--config that is not valid YAML',
    argv: ['up', '--id', 'alice', '--config', '<badyaml>'],
    code: 2,
    first: 'error: cannot start: - configuration file <tmp>/bad.yaml is not valid YAML:',
  },
  {
    id: 'config-unknown-key',
    kind: 'input',
    what: '--config with a misspelt key',
    argv: ['up', '--id', 'alice', '--config', '<unknownkey>'],
    code: 2,
    first: 'error: cannot start: - invalid configuration in <tmp>/unknown.yaml (merged over the defaults):',
  },
  {
    id: 'config-is-dir',
    kind: 'input',
    what: '--config naming a directory',
    argv: ['up', '--id', 'alice', '--config', '<dir>'],
    code: 2,
    first: 'error: cannot start: - configuration file <tmp>/a-dir is a directory',
  },
  {
    id: 'workspace-is-file',
    kind: 'input',
    what: '--workspace naming a file',
    argv: ['up', '--id', 'alice', '--workspace', '<file>'],
    code: 2,
    first: 'error: cannot start: - --workspace <tmp>/a-file is a file, not a directory',
  },
  {
    id: 'render-out-is-file',
    kind: 'input',
    what: 'render --out naming a file',
    argv: ['render', '--id', 'alice', '--out', '<file>'],
    code: 2,
    first: 'error: cannot start: - --out <tmp>/a-file is a file, not a directory',
  },
  {
    id: 'home-is-file',
    kind: 'input',
    what: 'LIFESUB_HOME naming a file',
    argv: ['up', '--id', 'alice'],
    env: { LIFESUB_HOME: '<file>' },
    code: 2,
    first: 'error: cannot start: - LIFESUB_HOME <tmp>/a-file is a file, not a directory',
  },
  {
    id: 'kubeconfig-missing',
    kind: 'input',
    // `down`: its preflight is the cluster alone. `up`'s preflight also checks this machine's tools and
    // reports every problem together, so its exit code would depend on the host (2 only when all are input).
    what: '--kubeconfig naming a file that does not exist',
    argv: ['down', '--id', 'alice', '--yes', '--kubeconfig', '<dir>/nope'],
    code: 2,
    first: 'error: kubeconfig not found: <tmp>/a-dir/nope',
  },
  {
    id: 'kubeconfig-env-missing',
    kind: 'input',
    what: 'KUBECONFIG naming a file that does not exist',
    argv: ['down', '--id', 'alice', '--yes'],
    code: 2,
    first: 'error: kubeconfig not found: <tmp>/no-such-kubeconfig',
  },
  {
    id: 'kubeconfig-is-dir',
    kind: 'input',
    what: '--kubeconfig naming a directory',
    argv: ['up', '--id', 'alice', '--kubeconfig', '<dir>'],
    code: 2,
    first: 'error: cannot start: - --kubeconfig <tmp>/a-dir is a directory, not a file',
  },
  {
    id: 'kubeconfig-garbage',
    kind: 'input',
    what: '--kubeconfig that is not a kubeconfig',
    argv: ['down', '--id', 'alice', '--yes', '--kubeconfig', '<garbagekc>'],
    code: 2,
    first: 'error: kubeconfig <tmp>/garbage-kubeconfig could not be read: null byte is not allowed in input (1:1)',
  },
  {
    id: 'status-unknown-flag',
    kind: 'input',
    what: 'status with a flag of up',
    argv: ['status', '--id', 'alice', '--clean-legacy'],
    code: 2,
    first: "error: unknown option '--clean-legacy'",
  },
  {
    id: 'down-keep-data-include-ingress-bad-id',
    kind: 'input',
    what: 'down --keep-data with an invalid ID',
    argv: ['down', '--id', 'x_y', '--keep-data'],
    code: 2,
    first:
      "error: cannot start (2 problems): - ID 'x_y': the namespace 'x_y-lifesub-ns' must be a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit) — it contains characters other than lowercase letters, digits and '-'; use an ID like 'alice' or 'dg0200'",
  },
  {
    id: 'missing-flag-value',
    kind: 'input',
    what: '--id without a value',
    argv: ['up', '--id'],
    code: 2,
    first: "error: option '--id <id>' argument missing",
  },
  {
    id: 'extra-argument',
    kind: 'input',
    what: 'a stray positional argument',
    argv: ['up', 'alice'],
    code: 2,
    first: "error: too many arguments for 'up'. Expected 0 arguments but got 1.",
  },
  {
    id: 'image-401-acr',
    kind: 'world',
    what: "image pull refused with 401 by the student's ACR (kubelet Failed event)",
    code: 1,
    first:
      "error: step 'readiness' failed: deployment acr-denied is not ready: pod acr-denied-<pod> ImagePullBackOff: pullauthcr.azurecr.io refused the pull (401 Unauthorized)",
  },
  {
    id: 'image-not-pushed',
    kind: 'world',
    what: "image missing from the student's registry (not found)",
    code: 1,
    first:
      "error: step 'readiness' failed: deployment member is not ready: pod member-<pod> ImagePullBackOff: pullmisscr.azurecr.io/lifesub/member:1.0.0 is not in your registry (not found)",
  },
  {
    id: 'image-public-gone',
    kind: 'world',
    what: 'a public image that no longer exists upstream',
    code: 1,
    first:
      "error: step 'readiness' failed: deployment public-gone is not ready: pod public-gone-<pod> ImagePullBackOff: the public image docker.io/bitnami/postgresql:14.3.2-debian-11-r0 does not exist (not found)",
  },
  {
    id: 'image-no-such-host',
    kind: 'world',
    what: 'image registry host that does not resolve (no such host)',
    code: 1,
    first:
      "error: step 'readiness' failed: deployment host-typo is not ready: pod host-typo-<pod> ImagePullBackOff: registry host pullhostrc.azurecr.io does not resolve (no such host)",
  },
  {
    id: 'namespace-stuck-up',
    kind: 'world',
    what: 'up while the namespace hangs in Terminating on a finalizer',
    code: 1,
    first:
      "error: step 'namespace' failed: namespace stuckup-lifesub-ns is being deleted; namespace stuckup-lifesub-ns: Some content in the namespace has finalizers remaining: example.com/backup-guard in 1 resource instances",
  },
  {
    id: 'namespace-stuck-down',
    kind: 'world',
    what: 'down: the namespace never goes (a finalizer nobody removes)',
    code: 1,
    first:
      "error: step 'remove-namespace' failed: timed out after 150ms waiting for deletion of namespace stuckdown-lifesub-ns: namespace stuckdown-lifesub-ns: Some content in the namespace has finalizers remaining: example.com/backup-guard in 1 resource instances",
  },
  {
    id: 'lb-sync-failed',
    kind: 'world',
    what: 'LoadBalancer never gets an address: SyncLoadBalancerFailed (public IP quota)',
    code: 1,
    first:
      'error: step \'web-address\' failed: timed out after 150ms waiting for LoadBalancer address of service lb-quota in lbquota-lifesub-ns: service lb-quota: SyncLoadBalancerFailed: Error syncing load balancer: failed to ensure load balancer: Retriable: false, RetryAfter: 0s, HTTPStatusCode: 400, RawError: {"error":{"code":"PublicIPCountLimitReached","message":"Cannot create more than 10 public IP addresses for this subscription in this region."}}',
  },
  {
    id: 'admission-denied',
    kind: 'world',
    what: 'an admission webhook refuses the Ingress',
    code: 1,
    first:
      'error: step \'apply\' failed: apply Ingress hooked-lifesub-ns/lifesub was rejected: admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "lifesub.example.com" and path "/" is already defined in ingress bob-lifesub-ns/lifesub-web',
  },
  {
    id: 'rbac-forbidden',
    kind: 'world',
    what: 'RBAC forbids writing in the namespace (403)',
    code: 1,
    first:
      'error: step \'apply\' failed: apply ConfigMap rbac-lifesub-ns/x: forbidden (HTTP 403): configmaps "x" is forbidden: User "lifesub-sandbox" cannot patch resource "configmaps" in API group "" in the namespace "rbac-lifesub-ns"',
  },
  {
    id: 'helm-ownership',
    kind: 'world',
    what: 'another release owns an object of the ingress-nginx chart',
    code: 1,
    first:
      'error: step \'ingress\' failed: helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx --version 4.12.1 -n ingress-basic exited with code 1: ClusterRole "ingress-nginx" is owned by release ingress-nginx in namespace team-ingress (invalid ownership metadata)',
  },
  {
    id: 'disk-full-git',
    kind: 'world',
    what: 'disk full while cloning (git)',
    code: 1,
    first: "error: step 'repos' failed: git clone exited with code 1: no space left on device",
  },
  {
    id: 'disk-full-gradle',
    kind: 'world',
    what: 'disk full while building the jars (gradle)',
    code: 1,
    first: "error: step 'jars' failed: ./gradlew :member:build exited with code 1: no space left on device",
  },
  {
    id: 'disk-full-docker',
    kind: 'world',
    what: 'disk full while pushing an image (docker)',
    code: 1,
    first: "error: step 'push:member' failed: docker push exited with code 1: no space left on device",
  },
  {
    id: 'lock-held',
    kind: 'world',
    what: 'another run of the same ID holds its Lease (a second down while up runs elsewhere)',
    code: 1,
    first:
      "error: step 'lock' failed: id lockheld is in use: `lifesub up` on host lab-vm-7 (pid 4242) since <time> (<age> ago) holds its lock (Lease default/lifesub-lockheld)",
  },
  {
    id: 'down-foreign-objects',
    kind: 'world',
    what: 'down with a ConfigMap in the namespace that lifesub did not create',
    code: 1,
    first:
      "error: step 'foreign-objects' failed: namespace foreign-lifesub-ns holds 1 object(s) lifesub did not create: ConfigMap/student-notes; nothing was deleted",
  },
  {
    id: 'strict-branch',
    kind: 'world',
    what: "--strict with a clone on another branch than the lab's",
    code: 1,
    first: "error: step 'repos' failed: --strict: not deploying a clone that differs from the lab's: lifesub is on branch my-experiment, not k8s",
  },
  {
    id: 'gradlew-crlf',
    kind: 'world',
    what: 'gradlew checked out with CRLF line endings',
    code: 1,
    first:
      'error: step \'jars\' failed: <tmp>/crlf-repo/gradlew has Windows (CRLF) line endings: the system looks for the interpreter "sh\\r", which does not exist, and reports the script as "not found"',
  },
  {
    id: 'jdk-17',
    kind: 'world',
    what: 'JDK 17 where the build needs Java 21',
    code: 1,
    first:
      "error: step 'jars' failed: the JDK is 17.0.9 (java on PATH), but <tmp>/jdk-repo/build.gradle needs Java 21 (sourceCompatibility = '21'): Gradle would stop with \"error: invalid source release: 21\"",
  },
  {
    id: 'quota-refused',
    kind: 'world',
    what: "the namespace's ResourceQuota refuses the database pod (FailedCreate)",
    code: 1,
    first:
      'error: step \'apply:member\' failed: database quota-lifesub-ns/member-postgresql is not ready: statefulset member-postgresql FailedCreate: create Pod member-postgresql-0 in StatefulSet member-postgresql failed error: pods "member-postgresql-0" is forbidden: exceeded quota: lifesub-budget, requested: pods=1, used: pods=0, limited: pods=0',
  },
];
