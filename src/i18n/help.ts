// Commander's side of the boundary: the global `--lang` option, and help in the reader's language.
// Descriptions are translated before commander wraps them into columns (a wrapped line could no longer
// be matched); text added with addHelpText and commander's own errors go through the output streams
// (src/i18n/io.ts), which translate them there.
import { Help, Option, type Command } from 'commander';
import { currentLang, LANGS } from './lang.js';
import { t } from './translate.js';

/** Adds `--lang` to the program and, for Korean, translates the help of every command under it. */
export function localizeProgram(program: Command): Command {
  program.addOption(new Option('--lang <lang>', 'language of messages: ko (Korean) or en (English); default: from LC_ALL, LC_MESSAGES or LANG').choices(LANGS));
  if (currentLang() === 'en') return program;
  const apply = (c: Command): void => {
    c.configureHelp({ ...c.configureHelp(), ...localizedHelp });
    c.commands.forEach(apply);
  };
  apply(program);
  return program;
}

/** Characters a terminal draws two columns wide: Hangul Jamo and syllables, CJK, full-width forms. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Overrides of commander's Help methods (commander assigns them onto a Help instance: `this` is one). */
const localizedHelp: Partial<Help> = {
  commandDescription(this: Help, cmd: Command): string {
    return t(Help.prototype.commandDescription.call(this, cmd));
  },
  subcommandDescription(this: Help, cmd: Command): string {
    return t(Help.prototype.subcommandDescription.call(this, cmd));
  },
  optionDescription(this: Help, option: Option): string {
    // The option with its description translated; commander appends "(choices: …, default: …)" itself.
    const translated = Object.create(option, { description: { value: t(option.description ?? '') } }) as Option;
    return Help.prototype.optionDescription
      .call(this, translated)
      .replace(/\(choices: /, '(선택: ')
      .replace(/([(,] )?default: /, (_m, lead: string | undefined) => `${lead ?? ''}기본값: `)
      .replace(/\(default: /, '(기본값: ');
  },
  argumentDescription(this: Help, argument): string {
    return t(Help.prototype.argumentDescription.call(this, argument));
  },
  // Hangul takes two columns in a terminal: commander wraps descriptions by this width.
  displayWidth(this: Help, text: string): number {
    return Help.prototype.displayWidth.call(this, text) + (text.match(WIDE)?.length ?? 0);
  },
  styleTitle(this: Help, title: string): string {
    return Help.prototype.styleTitle.call(this, t(title));
  },
};
