// The output boundary for people: everything written to stderr (errors, hints, warnings, prompts'
// refusals) and stdout of the commands whose stdout is for people (up/down summaries, status, help) is
// translated line by line when the reader's language is not English. Commands whose stdout is data
// (render's YAML stream, shell completion scripts) keep it byte for byte: a manifest line such as
// `  namespace: alice` must never be "translated".
import { Writable } from 'node:stream';
import { currentLang } from './lang.js';
import { translateOutput } from './translate.js';

/** Commands whose stdout is data for another program, never translated. */
export const DATA_COMMANDS: readonly string[] = ['render', 'completion', 'version'];

interface Streams {
  stdout: Writable;
  stderr: Writable;
}

/**
 * `io` with its streams translating what is written (only when the language is not English; otherwise
 * `io` itself). `argv` (the user's arguments) tells which command runs, for its stdout.
 */
export function localizeIo<T extends Streams>(io: T, argv: readonly string[]): T {
  if (currentLang() === 'en') return io;
  const command = commandOf(argv);
  const dataOut = command !== undefined && DATA_COMMANDS.includes(command);
  return { ...io, stdout: dataOut ? io.stdout : translating(io.stdout), stderr: translating(io.stderr) };
}

/** The subcommand named in argv: the first word that is neither an option nor the value of --lang. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** A stream passing each chunk on translated, synchronously (the CLI exits right after its last write). */
function translating(target: Writable): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      target.write(translateOutput(text));
      done();
    },
  });
}
