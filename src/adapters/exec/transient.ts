// Which failures of a tool (helm, docker) are worth another attempt, read from the tool's own words.
// helm and docker are Go programs: a 429/5xx from the API server or registry and a broken connection
// reach their stderr in the wordings of client-go, net/http and the registry clients below.
import { ToolError } from '../../core/errors.js';

/**
 * Transient: the same command may well succeed in a moment. Sources: the Kubernetes API server's
 * Status messages for 503 ("the server is currently unable to handle the request") and 429 ("Too
 * many requests"), client-go's rendering of 5xx ("an error on the server (…) has prevented the
 * request from succeeding"), etcd's leader changes, Go's net and net/http errors, HTTP/2 GOAWAY, and
 * the registry's `toomanyrequests` / 5xx status lines that docker prints, and Helm 4's waiter reporting a
 * resource as `status: Unknown` with no message (it could not read it).
 */
const TRANSIENT: readonly RegExp[] = [
  /the server is currently unable to handle the request/i,
  /too many requests|toomanyrequests|\b429\b/i,
  /an error on the server .* has prevented the request from succeeding/i,
  /internal error occurred/i,
  /etcdserver: (request timed out|leader changed|too many requests)/i,
  /connection reset by peer|broken pipe/i,
  /i\/o timeout|TLS handshake timeout|Client\.Timeout exceeded|context deadline exceeded \(Client\.Timeout/i,
  /\bunexpected EOF\b|(^|[\s:"])EOF\s*$/im,
  /http2: (server sent GOAWAY|client connection lost)/i,
  /\b(502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out|500 Internal Server Error)\b/i,
  /received unexpected HTTP status: 5\d\d/i,
  /temporary failure in name resolution|server misbehaving/i,
  /ECONNRESET|ETIMEDOUT|EAI_AGAIN/,
  // Helm 4's kstatus waiter: a read of the resource failed (a 503 mid-watch), so its status is Unknown
  // with no message. A resource that is really not becoming ready reports InProgress/Failed instead.
  /not ready\. status: Unknown, message: *$/m,
];

/**
 * Permanent even when a transient wording also appears (a 403 that mentions EOF is still a 403):
 * authentication and permission, validation, a missing thing, a conflicting owner, a missing tool.
 */
const PERMANENT: readonly RegExp[] = [
  /\bforbidden\b|\b403\b|is forbidden/i,
  /\bunauthorized\b|\b401\b|authentication required|denied: /i,
  /\bis invalid\b|validation failed|unknown field|invalid ownership metadata|cannot be imported into the current release/i,
  /no such host/i,
  /another operation \(install\/upgrade\/rollback\) is in progress/i,
];

/** True when `text` (a tool's stderr tail and message) reads as a transient failure. */
export function isTransientText(text: string): boolean {
  if (PERMANENT.some((p) => p.test(text))) return false;
  return TRANSIENT.some((p) => p.test(text));
}

/**
 * True for a ToolError whose tool output reads as transient. A tool that timed out under our own
 * limit, or could not be started, is not: retrying would only repeat it.
 */
export function isTransientToolError(err: unknown): boolean {
  if (!(err instanceof ToolError)) return false;
  if (/ timed out after |not found$| not found at | is not executable | could not be started /.test(err.message)) return false;
  return isTransientText(`${err.details ?? ''}\n${err.message}`);
}
