// A fake kubelogin for tests: an executable Node script that behaves like an exec credential plugin on
// an AAD cluster. It prints a device-code prompt on stderr, then by FAKE_PLUGIN_MODE:
//   ok      prints an ExecCredential with token FAKE_PLUGIN_TOKEN
//   wait    waits until the file FAKE_PLUGIN_GO exists (the "student signed in"), then does `ok`
//   hang    waits forever (until killed)
//   fail    prints an AADSTS error on stderr and exits 1
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEVICE_CODE = 'FAKE-DEVICE-CODE-42';
export const PLUGIN_TOKEN = 'token-from-the-exec-plugin';

const SCRIPT = `
const fs = require('node:fs');
process.stderr.write('To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ${DEVICE_CODE} to authenticate.\\n');
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO || '{}');
const done = () => {
  process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: process.env.FAKE_PLUGIN_TOKEN } }));
  process.exit(0);
};
const mode = process.env.FAKE_PLUGIN_MODE;
if (mode === 'ok') done();
else if (mode === 'fail') { process.stderr.write('Error: AADSTS700082: The refresh token has expired due to inactivity.\\n'); process.exit(1); }
else if (mode === 'wait') setInterval(() => { if (fs.existsSync(process.env.FAKE_PLUGIN_GO)) done(); }, 20);
else setInterval(() => {}, 1000);
`;

/** Writes the fake plugin as `<dir>/kubelogin` and returns its path. */
export function writeFakePlugin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kubelogin');
  writeFileSync(file, `#!${process.execPath}\n${SCRIPT}`);
  chmodSync(file, 0o755);
  return file;
}

/** A kubeconfig whose user authenticates through `plugin` (like `az aks get-credentials` on an AAD cluster). */
export function execKubeconfig(server: string, plugin: string, env: Record<string, string>): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: aks',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: clusterUser_rg_aks',
    '  user:',
    '    exec:',
    '      apiVersion: client.authentication.k8s.io/v1beta1',
    `      command: ${plugin}`,
    '      args: [get-token, --login, devicecode, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]',
    '      env:',
    ...Object.entries({ FAKE_PLUGIN_TOKEN: PLUGIN_TOKEN, ...env }).flatMap(([name, value]) => [`      - name: ${name}`, `        value: "${value}"`]),
    '      interactiveMode: IfAvailable',
    '      provideClusterInfo: false',
    'contexts:',
    '- name: aks',
    '  context:',
    '    cluster: aks',
    '    user: clusterUser_rg_aks',
    'current-context: aks',
    '',
  ].join('\n');
}
