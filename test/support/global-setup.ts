// Runs once before the suite: extracts both real helms, so test files (and the CLIs they spawn)
// find them in the cache without racing to unzip.
import { HELMS, helmPath } from './helm.js';

export default async function setup(): Promise<void> {
  for (const h of HELMS) await helmPath(h);
}
