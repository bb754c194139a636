// Which language people read: `--lang ko|en`, else the POSIX locale variables in their order of
// precedence (LC_ALL > LC_MESSAGES > LANG, as gettext reads them), else English. Machines read English:
// `--output json` always gets English, whatever the locale, so scripts can match on the texts.

export type Lang = 'en' | 'ko';

export const LANGS: readonly Lang[] = ['en', 'ko'];

/**
 * The language for this run from the command line and the environment. `argv` is the user's arguments
 * (without node and the script); only what comes before `--` is looked at. An unknown `--lang` value is
 * left to commander to reject (choices), and counts as English here.
 */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const args = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (outputIsJson(args)) return 'en';
  const flag = flagValue(args, '--lang');
  if (flag !== undefined) return flag === 'ko' ? 'ko' : 'en';
  // The first of these that is set and not empty decides (LC_ALL=C means C, even when LANG says ko).
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^ko(?:[_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

function outputIsJson(args: readonly string[]): boolean {
  if (args.includes('-ojson')) return true;
  return flagValue(args, '--output') === 'json' || flagValue(args, '-o') === 'json';
}

/** The value of `--name value` or `--name=value` (the last one wins, as in commander). */
function flagValue(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (a === name) value = args[i + 1];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  });
  return value;
}

let current: Lang = 'en';

/** The language of this process's messages (set once at startup by the CLI; English until then). */
export function currentLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
}
