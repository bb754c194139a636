import type { Section } from './section.js';

/**
 * Messages added since the catalog was organised by area: put a new translation here when no other
 * file fits (the test prints the ones missing, with file and line, ready to paste).
 */
export const misc: Section = {
  area: 'misc',
  entries: {},
};
