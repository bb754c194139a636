// `node --import <this file> …`: records the URL of every module the process resolves into the file
// named by LIFESUB_MODULE_PROBE_OUT, one per line. Used by test/e2e/startup.test.ts to prove which
// packages a command loads (resolve hooks see ESM imports and import() — the way lifesub loads them).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { out: process.env.LIFESUB_MODULE_PROBE_OUT } });
