// Just enough of the Dockerfile language to fail where BuildKit fails: instructions with their
// line numbers, ARG declarations, ${VAR} expansion, and the sources of COPY/ADD.

export interface Instruction {
  line: number;
  keyword: string;
  args: string;
  /** The original text, for error excerpts. */
  text: string;
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i] as string;
    if (/^\s*(#.*)?$/.test(line)) continue;
    // Backslash continues an instruction on the next line (comment lines inside are skipped).
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      i++;
      const next = lines[i] as string;
      line = line.replace(/\\\s*$/, ' ') + (/^\s*#/.test(next) ? '' : next);
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    out.push({ line: start + 1, keyword: (match[1] as string).toUpperCase(), args: (match[2] as string).trim(), text: lines[start] as string });
  }
  return out;
}

export interface ArgDecl {
  name: string;
  default?: string;
  line: number;
}

export function argDeclarations(instructions: Instruction[]): ArgDecl[] {
  return instructions
    .filter((i) => i.keyword === 'ARG')
    .flatMap((i) =>
      i.args.split(/\s+/).map((part) => {
        const eq = part.indexOf('=');
        return eq < 0 ? { name: part, line: i.line } : { name: part.slice(0, eq), default: unquote(part.slice(eq + 1)), line: i.line };
      }),
    );
}

/** Expands $VAR, ${VAR}, ${VAR:-default} and ${VAR:+alt}; unknown variables become empty. */
export function expand(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, braced?: string, op?: string, word?: string, bare?: string) => {
      const name = (braced ?? bare) as string;
      const value = vars[name];
      if (op === '-') return value ? value : (word ?? '');
      if (op === '+') return value ? (word ?? '') : '';
      return value ?? '';
    },
  );
}

export interface CopySpec {
  instruction: Instruction;
  /** From another stage or image (`--from=`): nothing to check in the context. */
  fromStage: boolean;
  /** Sources as written (unexpanded). */
  sources: string[];
}

export function copySources(instructions: Instruction[]): CopySpec[] {
  return instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((instruction) => {
      const words = splitWords(instruction.args);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      return { instruction, fromStage: flags.some((f) => f.startsWith('--from=')), sources: paths.slice(0, -1) };
    });
}

/** FROM images, without `AS name`; stage names are not images. */
export function baseImages(instructions: Instruction[]): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const i of instructions.filter((x) => x.keyword === 'FROM')) {
    const words = splitWords(i.args).filter((w) => !w.startsWith('--'));
    const image = words[0] ?? '';
    if (words[1]?.toLowerCase() === 'as' && words[2]) stages.add(words[2]);
    if (!stages.has(image)) images.push(image);
  }
  return images;
}

function splitWords(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as string[];
    } catch {
      // fall through to whitespace splitting, as BuildKit does for malformed JSON form
    }
  }
  return trimmed.split(/\s+/).filter(Boolean);
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
