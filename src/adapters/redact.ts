// Scrubs secrets from anything an adapter reports (error messages, stderr tails, progress lines).
// Two layers: the exact secrets the caller knows about (and their base64 forms, since Kubernetes
// Secrets and basic-auth headers carry them encoded), then generic patterns that catch secrets the
// caller did not know about (a tool echoing `password=…` or an Authorization header).

const MASK = '***';

/** Keys whose values are secrets wherever they show up as `key=value`, `key: value` or JSON. */
const SECRET_KEY = String.raw`[\w.-]*(?:password|passwd|secret|token|apikey|api_key|credential)[\w.-]*`;

const GENERIC_PATTERNS: Array<[RegExp, string]> = [
  // "password":"…" (JSON; escaped quotes inside the value are skipped over)
  [new RegExp(String.raw`("${SECRET_KEY}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${MASK}"`],
  // Authorization: Bearer …  /  Authorization: Basic …
  [/(authorization[ \t]*[:=][ \t]*(?:bearer|basic)?[ \t]*)[^\s"',;]+/gi, `$1${MASK}`],
  // a bare "Bearer <token>" elsewhere (curl -v output, SDK debug lines)
  [/\b(bearer[ \t]+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${MASK}`],
  // password=…, password: … (same line only; YAML "password:" followed by a newline stays)
  [new RegExp(String.raw`\b(${SECRET_KEY})([ \t]*[=:][ \t]*)(?!\*\*\*)([^\s&"',;]+)`, 'gi'), `$1$2${MASK}`],
];

/** Replaces every secret (and its base64 form) with *** and masks generic secret patterns. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of expand(secrets)) out = out.split(secret).join(MASK);
  for (const [pattern, replacement] of GENERIC_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Builds a redactor bound to one call's secrets. */
export function redactor(secrets: readonly string[] = []): (text: string) => string {
  return (text) => redact(text, secrets);
}

/** The secrets plus their base64 encodings, longest first so a secret inside another is not half-masked. */
function expand(secrets: readonly string[]): string[] {
  const all = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    all.add(s);
    const b64 = Buffer.from(s, 'utf8').toString('base64');
    all.add(b64);
    // Without padding too: the secret may sit inside a longer encoded string.
    const unpadded = b64.replace(/=+$/, '');
    if (unpadded.length >= 4) all.add(unpadded);
  }
  return [...all].sort((a, b) => b.length - a.length);
}
