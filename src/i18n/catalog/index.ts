// All translations, one file per area (English template → Korean template; see section.ts).
//
// Adding translations (e.g. after merging new commands or steps):
//   1. npx vitest run test/unit/i18n/catalog.test.ts
//      It scans src/**/*.ts for user-facing texts (errors and hints, step titles/results/plan lines,
//      commander help, prompts, lines written for people) and lists each one without a translation,
//      with its file:line, as lines ready to paste: `'English {0}': '',`.
//   2. Paste them into the area's file here (or misc.ts) and write the Korean on the right, keeping
//      every {n} (any order). Use the lab guide's words: 네임스페이스, 인그레스 컨트롤러, 파드, 시크릿,
//      컨테이너 이미지, 레지스트리, 매니페스트; keep commands, flags and kinds (Service, Ingress) as typed.
//   3. Run the test again: it also checks both languages are there with the same placeholders.
// A text built in a variable the scan cannot follow (e.g. `const head = n === 1 ? 'a' : 'b'`) can be
// added by hand the same way; anything without an entry is shown in English, never broken.
import { adapters } from './adapters.js';
import { cli } from './cli.js';
import { klass } from './class.js';
import { commander } from './commander.js';
import { config } from './config.js';
import { core } from './core.js';
import { diagnosis } from './diagnosis.js';
import { doctor } from './doctor.js';
import { misc } from './misc.js';
import { output } from './output.js';
import { sandbox } from './sandbox.js';
import type { Section } from './section.js';
import { status } from './status.js';
import { steps } from './steps.js';

export const SECTIONS: readonly Section[] = [core, commander, cli, config, output, steps, adapters, doctor, klass, diagnosis, status, sandbox, misc];

/** English template → Korean template, over all sections (a template in two sections: the first wins; the test forbids it). */
export const CATALOG: ReadonlyMap<string, string> = new Map(SECTIONS.flatMap((s) => Object.entries(s.entries)).reverse());
