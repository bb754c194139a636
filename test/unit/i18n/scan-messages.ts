// Finds the user-facing message texts in src/**/*.ts with the TypeScript compiler API, as templates
// (src/i18n/template.ts): `${…}` becomes {0}, {1}, … in order. What counts as a message:
//   - the message and hint arguments of `new UserError(…)`, `new ToolError(…)` and of every class in
//     src that extends them (StepTimeout, NotReady, …), and the hint of withHint / rethrowWithHint;
//   - step titles (`title:` in object literals under src/steps and src/graph) and a step's status texts
//     (`skipped:` / `message:` / `hint:` properties and `log(…)` lines under src/steps);
//   - commander texts: .description, .summary, .option/.requiredOption/new Option/.argument (their
//     description), .addHelpText, .showHelpAfterError, .helpOption;
//   - prompts and lines written for people: confirm(…)/ask(…) questions, `confirmation` answers,
//     `.write(…)` under src/cli and src/output, `lines.push(…)`, and every text in src/output;
//   - every text of two words or more in src/steps (results, --dry-run plans), src/status and src/doctor;
//   - problems and hints gathered before one error: `problems.push(…)`, `hints.add(…)`, `problem:` /
//     `hint:` properties, and what functions named *Question, *Line, *Problems, why* return.
// A file constant (`const EXAMPLE = '…'`) used in a message is inlined like a literal.
// Not messages: module specifiers of `import('./x.js')`, options handed to a library's constructor
// (`new Listr(…, { renderer: 'default' })`) and commands as typed (`lifesub status`, `export KUBECONFIG=…`).
// A conditional inside a template whose branches are both literals (`${keep ? 'a' : 'b'}`) is expanded
// into one template per branch, so each sentence is translated whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { DATA_COMMANDS } from '../../../src/i18n/io.js';
import { isTranslatable } from '../../../src/i18n/template.js';

export interface FoundMessage {
  template: string;
  /** `src/…/file.ts:line` */
  where: string;
}

const ERROR_BASES = ['UserError', 'ToolError'];
const COMMANDER_DESCRIPTION_ARG: Record<string, number> = {
  description: 0,
  summary: 0,
  option: 1,
  requiredOption: 1,
  argument: 1,
  addHelpText: 1,
  showHelpAfterError: 0,
  helpOption: 1,
};
const STEP_TEXT_PROPS = new Set(['skipped', 'message', 'hint']);
const PROBLEM_PROPS = new Set(['problem', 'problems', 'hint', 'hints']);
/** Functions that return a sentence or a part of one: questions, lines, reasons (whyNamespace), problem lists. */
const TEXT_FUNCTION = /Question$|Line$|^why[A-Z]|Problems?$/;
/** Without --sandbox nothing here reaches a student; its own errors are for developers. */
const SKIP_DIRS = ['src/sandbox/', 'src/i18n/'];

export function scanMessages(root: string): FoundMessage[] {
  const files = listTs(join(root, 'src')).filter((f) => !SKIP_DIRS.some((d) => relative(root, f).startsWith(d)));
  const sources = files.map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
  const errorClasses = errorClassNames(sources);
  const found: FoundMessage[] = [];
  for (const sf of sources) {
    const file = relative(root, sf.fileName).split('\\').join('/');
    const inSteps = file.startsWith('src/steps/') || file.startsWith('src/graph/');
    const inOutput = file.startsWith('src/output/');
    // Where every sentence-like text is for people: steps (results, --dry-run plans) and the reports of
    // status and doctor.
    const inStepFiles = ['src/steps/', 'src/status/', 'src/doctor/'].some((d) => file.startsWith(d));
    const inSandboxLike = file.startsWith('src/render/');
    const writesForPeople = inOutput || file.startsWith('src/cli/');
    // What `render` & co. write to stdout is data for other programs, never translated (src/i18n/io.ts).
    const writesData = DATA_COMMANDS.some((c) => file === `src/cli/${c}.ts`);
    const consts = constTexts(sf);
    const add = (expr: ts.Expression | undefined): void => {
      if (!expr) return;
      for (const leaf of leaves(expr)) {
        const line = sf.getLineAndCharacterOfPosition(leaf.getStart(sf)).line + 1;
        // A line's own newline is not part of the message: output is translated line by line.
        for (const template of templatesOf(leaf, consts).map((t) => t.replace(/\n+$/, ''))) {
          if (isTranslatable(template) && !isCommandLine(template)) found.push({ template, where: `${file}:${line}` });
        }
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const name = node.expression.text;
        if (errorClasses.has(name)) node.arguments?.slice(0, 2).forEach(add);
        if (name === 'Option') add(node.arguments?.[1]);
      }
      if (ts.isCallExpression(node)) {
        const callee = calleeName(node.expression);
        const args = node.arguments;
        if (callee === 'withHint') add(args[1]);
        if (callee === 'rethrowWithHint') add(args[0]);
        if (ts.isPropertyAccessExpression(node.expression) && callee in COMMANDER_DESCRIPTION_ARG) {
          add(args[COMMANDER_DESCRIPTION_ARG[callee]!]);
        }
        if (callee === 'confirm' || callee === 'ask') add(args[0]);
        if (callee === 'log' && inSteps) add(args[0]);
        if (callee === 'write' && writesForPeople && !writesData) add(args[0]);
        // Lists of problems and hints gathered before one error is thrown (src/config).
        if ((callee === 'push' || callee === 'add') && ts.isPropertyAccessExpression(node.expression)) {
          if (/problems|hints|issues|warnings|lines/i.test(node.expression.expression.getText(sf)) && !inSandboxLike) args.forEach(add);
        }
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /lines/i.test(node.name.text) && !inSandboxLike) add(node.initializer);
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
        const prop = node.name.text;
        if (inSteps && (prop === 'title' || STEP_TEXT_PROPS.has(prop))) add(node.initializer);
        if (prop === 'confirmation') returnedTexts(node.initializer).forEach(add);
        if (PROBLEM_PROPS.has(prop)) add(node.initializer);
      }
      if (ts.isFunctionDeclaration(node) && node.name && TEXT_FUNCTION.test(node.name.text)) returnedTexts(node).forEach(add);
      // Output code and steps: every sentence-like text counts (step results and --dry-run plan lines are
      // often built in helpers); in steps only texts with at least two words, so names and paths do not.
      if ((inOutput || (inStepFiles && hasWords(node))) && isText(node) && !isInsideCollected(node, errorClasses)) add(node as ts.Expression);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return dedupe(found);
}

/** The class names whose instances carry a user-facing message: the bases and their subclasses in src. */
function errorClassNames(sources: readonly ts.SourceFile[]): Set<string> {
  const names = new Set(ERROR_BASES);
  let grew = true;
  while (grew) {
    grew = false;
    for (const sf of sources) {
      sf.forEachChild(function visit(node: ts.Node): void {
        if (ts.isClassDeclaration(node) && node.name && !names.has(node.name.text)) {
          const base = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(sf)));
          if (base?.some((b) => names.has(b))) {
            names.add(node.name.text);
            grew = true;
          }
        }
        node.forEachChild(visit);
      });
    }
  }
  return names;
}

function calleeName(expr: ts.Expression): string {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return '';
}

/** A command as it is typed (`helm uninstall {0} -n {1}`, a --dry-run line): the same in every language. */
function isCommandLine(template: string): boolean {
  // `lifesub status`, `lifesub ${command}`: a command name the summary prints before its flags.
  if (/^lifesub (?:[a-z]+|\{\d+\})$/.test(template)) return true;
  if (!/^(?:helm|docker|kubectl|git|az|\.\/gradlew|npm|export|lifesub) /.test(template) || /[(;:]/.test(template)) return false;
  return /\{\d+\}| -/.test(template.split(' ').slice(0, 4).join(' '));
}

/** Two words in a row in the literal text: a sentence or a phrase, not a name, path or key. */
function hasWords(node: ts.Node): boolean {
  let text = '';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' {} ');
  return /[A-Za-z]{2,} +[A-Za-z]{2,}/.test(text);
}

function isText(node: ts.Node): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

/** In src/output every text counts, but a literal inside a template or concatenation is part of that one. */
function isInsideCollected(node: ts.Node, errorClasses: ReadonlySet<string>): boolean {
  const p = node.parent;
  // `new Error('internal: …')` is a bug report for developers, not a message.
  if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && !errorClasses.has(p.expression.text)) return true;
  // `await import('./view.js')`: a module specifier.
  if (ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  // An option of a library object (`new Listr(…, { renderer: 'default' })`): a key the library reads.
  if (ts.isPropertyAssignment(p) && p.initializer === node && isLibraryOptions(p.parent, errorClasses)) return true;
  if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'need') return true;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isElementAccessExpression(p) || ts.isCaseClause(p)) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.PlusToken) return true; // comparisons: keys
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  // Arguments of calls on strings (split, join, padEnd, …) are separators, not messages.
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text !== 'push') return true;
  for (let a: ts.Node | undefined = p; a; a = a.parent) if (ts.isTemplateSpan(a) || ts.isTemplateExpression(a)) return true;
  return false;
}

/** An object literal passed (maybe through `as`) to `new X(…)` where X is not a message-carrying error. */
function isLibraryOptions(obj: ts.Node, errorClasses: ReadonlySet<string>): boolean {
  let a = obj.parent;
  while (a && (ts.isAsExpression(a) || ts.isParenthesizedExpression(a) || ts.isSatisfiesExpression(a))) a = a.parent;
  return !!a && ts.isNewExpression(a) && ts.isIdentifier(a.expression) && !errorClasses.has(a.expression.text);
}

/** The texts a function or arrow returns (its expression body, or each `return` expression). */
function returnedTexts(node: ts.Node): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isArrowFunction(n) && !ts.isBlock(n.body)) out.push(...leaves(n.body));
    if (ts.isReturnStatement(n) && n.expression) out.push(...leaves(n.expression));
    ts.forEachChild(n, visit);
  };
  if (!ts.isFunctionLike(node) && !ts.isArrowFunction(node)) out.push(...leaves(node as ts.Expression));
  visit(node);
  return out;
}

const LOGICAL = new Set([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken]);

/** Texts within an expression: through `||`/`??`, parentheses, `[…].filter().join()` and conditionals. */
function leaves(expr: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(expr)) return leaves(expr.expression);
  if (ts.isBinaryExpression(expr) && LOGICAL.has(expr.operatorToken.kind)) return [...leaves(expr.left), ...leaves(expr.right)];
  if (ts.isConditionalExpression(expr)) return [...leaves(expr.whenTrue), ...leaves(expr.whenFalse)];
  if (ts.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => leaves(e as ts.Expression));
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) return leaves(expr.expression.expression);
  return [expr];
}

/**
 * The templates an expression stands for: a literal is itself; a template literal or `+` chain gets a
 * placeholder per value; a conditional of two literals at the top or inside a template is expanded.
 * An expression with no literal text (a variable) yields nothing.
 */
export function templatesOf(expr: ts.Expression, consts: ReadonlyMap<string, string> = new Map()): string[] {
  const parts = partsOf(expr, consts);
  if (!parts) return [];
  let variants: Array<Array<string | null>> = [[]];
  for (const p of parts) {
    const options = typeof p === 'string' || p === null ? [p] : p;
    variants = variants.flatMap((v) => options.map((o) => [...v, o]));
    if (variants.length > 16) return []; // too many combinations: not a sentence any more
  }
  return [
    ...new Set(
      variants.map((v) => {
        let n = 0;
        return v.map((p) => (p === null ? `{${n++}}` : p)).join('');
      }),
    ),
  ].filter((t) => t.replace(/\{\d+\}/g, '') !== '');
}

/** Literal text (string), a value (null) or alternative literal texts (string[]). */
type Part = string | null | string[];

function partsOf(expr: ts.Expression, consts: ReadonlyMap<string, string>): Part[] | undefined {
  if (ts.isParenthesizedExpression(expr)) return partsOf(expr.expression, consts);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isIdentifier(expr) && consts.has(expr.text)) return [consts.get(expr.text)!];
  if (ts.isTemplateExpression(expr)) {
    const parts: Part[] = [expr.head.text];
    for (const span of expr.templateSpans) {
      parts.push(alternativesOf(span.expression, consts) ?? null, span.literal.text);
    }
    return parts;
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = partsOf(expr.left, consts) ?? [null];
    const r = partsOf(expr.right, consts) ?? [null];
    return [...l, ...r];
  }
  return undefined;
}

/** `c ? 'a' : 'b'` (nested too) and file constants → their texts; anything else → undefined (a value). */
function alternativesOf(expr: ts.Expression, consts: ReadonlyMap<string, string>): string[] | undefined {
  if (ts.isParenthesizedExpression(expr)) return alternativesOf(expr.expression, consts);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isIdentifier(expr) && consts.has(expr.text)) return [consts.get(expr.text)!];
  if (ts.isConditionalExpression(expr)) {
    const a = alternativesOf(expr.whenTrue, consts);
    const b = alternativesOf(expr.whenFalse, consts);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

/** `const NAME = 'text'` at the top of a file: used by name in messages, inlined like a literal. */
function constTexts(sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && init && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) out.set(d.name.text, init.text);
    }
  }
  return out;
}

function dedupe(found: FoundMessage[]): FoundMessage[] {
  const seen = new Map<string, FoundMessage>();
  for (const f of found) if (!seen.has(f.template)) seen.set(f.template, f);
  return [...seen.values()];
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listTs(p);
    return e.isFile() && p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}
