// All translations, one file per area. To add one: find the area's file (or the `misc` one) and add
// `'English text with {0}': '한국어 {0}',`. test/unit/i18n/catalog.test.ts lists every message in src that
// has none, with its file and line, ready to paste.
import { adapters } from './adapters.js';
import { cli } from './cli.js';
import { commander } from './commander.js';
import { config } from './config.js';
import { core } from './core.js';
import { misc } from './misc.js';
import { output } from './output.js';
import type { Section } from './section.js';
import { steps } from './steps.js';

export const SECTIONS: readonly Section[] = [core, commander, cli, config, output, steps, adapters, misc];

/** English template → Korean template, over all sections (a template in two sections: the first wins; the test forbids it). */
export const CATALOG: ReadonlyMap<string, string> = new Map(SECTIONS.flatMap((s) => Object.entries(s.entries)).reverse());
