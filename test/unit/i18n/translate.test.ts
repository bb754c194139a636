import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { UserError } from '../../../src/core/errors.js';
import type { Step } from '../../../src/graph/step.js';
import { localizeIo } from '../../../src/i18n/io.js';
import { detectLang, setLang } from '../../../src/i18n/lang.js';
import { localizeSteps } from '../../../src/i18n/steps.js';
import { t, translateOutput, Translator } from '../../../src/i18n/translate.js';

afterEach(() => setLang('en'));

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(c, _e, cb) {
      text += String(c);
      cb();
    },
  });
  return { stream, text: () => text };
}

describe('detectLang', () => {
  it('reads --lang first, then LC_ALL, LC_MESSAGES and LANG in that order; English by default', () => {
    expect(detectLang(['up'], {})).toBe('en');
    expect(detectLang(['up'], { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(detectLang(['up'], { LANG: 'ko' })).toBe('ko');
    expect(detectLang(['up'], { LC_ALL: 'C', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(detectLang(['up'], { LC_ALL: '', LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(detectLang(['up'], { LANG: 'kok_IN' })).toBe('en'); // Konkani is not Korean
    expect(detectLang(['up', '--lang', 'ko'], { LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(detectLang(['--lang=en', 'up'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
  });

  it('gives machines English: --output json wins over everything', () => {
    expect(detectLang(['up', '--lang', 'ko', '--output', 'json'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(detectLang(['up', '-o', 'json'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(detectLang(['up', '--output=json'], { LANG: 'ko_KR.UTF-8' })).toBe('en');
  });
});

describe('Translator', () => {
  const tr = new Translator(
    new Map([
      ["step '{0}' failed: {1}", "단계 '{0}' 실패: {1}"],
      ['namespace {0} exists but was not created by lifesub for id {1}', '네임스페이스 {0}이(가) 이미 있지만 lifesub이 ID {1}을(를) 위해 만든 것이 아닙니다'],
      ['{0} → {1}; retrying', '{0} → {1}, 다시 시도합니다'],
      ['done', '완료'],
      ['error: {0}', '오류: {0}'],
      ['  web: {0}', '  웹 주소: {0}'],
    ]),
  );

  it('keeps values as they are, in the order the Korean sentence needs', () => {
    expect(tr.message('namespace alice-lifesub-ns exists but was not created by lifesub for id alice')).toBe(
      '네임스페이스 alice-lifesub-ns이(가) 이미 있지만 lifesub이 ID alice을(를) 위해 만든 것이 아닙니다',
    );
  });

  it('translates a whole message found inside another, but never a one-word value', () => {
    expect(tr.message("step 'namespace' failed: namespace a exists but was not created by lifesub for id a")).toBe(
      "단계 'namespace' 실패: 네임스페이스 a이(가) 이미 있지만 lifesub이 ID a을(를) 위해 만든 것이 아닙니다",
    );
    expect(tr.message("step 'done' failed: done")).toBe("단계 'done' 실패: done");
  });

  it('leaves text nobody translated (tool output) unchanged, line by line', () => {
    expect(tr.text('error: boom\n  | Error: no repositories to show\n  web: http://x')).toBe(
      '오류: boom\n  | Error: no repositories to show\n  웹 주소: http://x',
    );
  });
});

describe('translateOutput and t', () => {
  it('are the identity in English', () => {
    expect(t('Create the namespace', 'en')).toBe('Create the namespace');
    expect(translateOutput('error: no student ID given\n', 'en')).toBe('error: no student ID given\n');
  });

  it('translate a summary line by line: a one-line template never swallows the lines after it', () => {
    const summary = '\nlifesub up finished in 17.8s\n  namespace   done   1.2s  x\n\n  web: http://127.0.0.1:1\n  namespace: demo-lifesub-ns\n';
    expect(translateOutput(summary, 'ko')).toBe(
      '\nlifesub up 완료: 17.8s 소요\n  namespace   done   1.2s  x\n\n  웹 주소: http://127.0.0.1:1\n  네임스페이스: demo-lifesub-ns\n',
    );
  });

  it('keep the first of two values in a row whole when the second is empty', () => {
    expect(t('cloned lifesub, lifesub-web into /w', 'ko')).toBe('lifesub, lifesub-web을(를) /w에 클론했습니다');
  });

  it('translate a list of results only when every item has a translation', () => {
    expect(t("member base ends in '/api/auth', mysub base ends in ''", 'ko')).toBe(
      "member의 base URL은 '/api/auth'(으)로 끝남, mysub의 base URL은 ''(으)로 끝남",
    );
    expect(t("member base ends in '/api/auth', and something else", 'ko')).toBe("member base ends in '/api/auth', and something else");
  });

  it("translate down's question with the cluster it names, whether it ends the sentence or not", () => {
    expect(t('Remove namespace alice-lifesub-ns in context aks (https://aks.example:443)?', 'ko')).toBe(
      '네임스페이스 alice-lifesub-ns (컨텍스트 aks, https://aks.example:443)을(를) 삭제할까요?',
    );
    expect(t('Remove namespace alice-lifesub-ns and the shared ingress controller in context aks (https://aks.example:443)?', 'ko')).toBe(
      '네임스페이스 alice-lifesub-ns과(와) 공유 인그레스 컨트롤러 (컨텍스트 aks, https://aks.example:443)를 삭제할까요?',
    );
    expect(t('Remove namespace alice-lifesub-ns?', 'ko')).toBe('네임스페이스 alice-lifesub-ns을(를) 삭제할까요?');
  });

  it('translate with the catalog in Korean and keep the line ends', () => {
    expect(t('Create the namespace', 'ko')).toBe('네임스페이스 생성');
    expect(translateOutput('Nothing was changed.\n', 'ko')).toBe('아무것도 변경하지 않았습니다.\n');
  });
});

describe('localizeIo', () => {
  it("translates people's output but never the stdout of data commands (render's YAML)", () => {
    setLang('ko');
    const up = { out: sink(), err: sink() };
    const io = localizeIo({ stdout: up.out.stream, stderr: up.err.stream }, ['up', '--id', 'a']);
    io.stdout.write('Dry run: nothing was changed.\n');
    io.stderr.write('Nothing was changed.\n');
    expect(up.out.text()).toBe('드라이 런: 아무것도 변경하지 않았습니다.\n');
    expect(up.err.text()).toBe('아무것도 변경하지 않았습니다.\n');

    const render = { out: sink(), err: sink() };
    const rio = localizeIo({ stdout: render.out.stream, stderr: render.err.stream }, ['--lang', 'ko', 'render', '--id', 'a']);
    rio.stdout.write('  namespace: alice-lifesub-ns\n');
    expect(render.out.text()).toBe('  namespace: alice-lifesub-ns\n');
  });
});

describe('localizeSteps', () => {
  const step: Step = {
    name: 'namespace',
    title: 'Create the namespace',
    needs: [],
    plan: () => [],
    async run(ctx) {
      ctx.log('waiting for namespace x to be deleted');
      if (ctx.settings.id === 'bad') throw new UserError('namespace x exists but was not created by lifesub for id bad', 'pick another --id');
      return { message: 'x created' };
    },
  };
  const ctx = (id: string, lines: string[]) =>
    ({ settings: { id }, adapters: {}, facts: {}, signal: new AbortController().signal, log: (l: string) => lines.push(l) }) as never;

  it('gives titles, progress lines, results and errors in Korean, and changes nothing in English', async () => {
    expect(localizeSteps([step])[0]).toBe(step);
    setLang('ko');
    const [ko] = localizeSteps([step]);
    expect(ko!.title).toBe('네임스페이스 생성');
    expect(ko!.name).toBe('namespace');
    const lines: string[] = [];
    await expect(ko!.run(ctx('a', lines))).resolves.toEqual({ message: 'x 생성됨' });
    expect(lines).toEqual(['네임스페이스 x이(가) 삭제되기를 기다리는 중']);
    const err = await ko!.run(ctx('bad', [])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('네임스페이스 x이(가) 이미 있지만 lifesub이 ID bad을(를) 위해 만든 것이 아닙니다');
  });
});

describe('lifesub in Korean', () => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function run(env: Record<string, string>, ...argv: string[]) {
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    Object.assign(process.env, env);
    const out = sink();
    const err = sink();
    const code = await main(argv, { stdout: out.stream, stderr: err.stream });
    return { code, out: out.text(), err: err.text() };
  }

  it('LANG=ko_KR.UTF-8: a bad ID is refused in Korean with a Korean hint (exit 2); --lang en overrides', async () => {
    const ko = await run({ LANG: 'ko_KR.UTF-8' }, 'up', '--id', 'Bad_ID');
    expect(ko.code).toBe(2);
    expect(ko.err).toContain('오류: 시작할 수 없습니다');
    expect(ko.err).toContain("ID 'Bad_ID': 네임스페이스 'Bad_ID-lifesub-ns'은(는) DNS-1123 레이블이어야 합니다");
    expect(ko.err).toContain(' — 대문자가 들어 있습니다');
    expect(ko.err).toMatch(/^힌트: .*실습 ID를 지정하세요/m);

    const en = await run({ LANG: 'ko_KR.UTF-8' }, 'up', '--id', 'Bad_ID', '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain("error: cannot start (2 problems):\n- ID 'Bad_ID': the namespace 'Bad_ID-lifesub-ns' must be a DNS-1123 label");
    expect(en.err).not.toMatch(/[\uAC00-\uD7A3]/);
  });

  it('keeps --output json in English whatever the locale (machines match on the texts)', async () => {
    const r = await run({ LANG: 'ko_KR.UTF-8' }, 'up', '--id', 'alice', '--dry-run', '--output', 'json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('"title":"Create the namespace"');
    expect(r.out + r.err).not.toMatch(/[\uAC00-\uD7A3]/);
    const text = await run({ LANG: 'ko_KR.UTF-8' }, 'up', '--id', 'alice', '--dry-run');
    expect(text.out).toContain('namespace — 네임스페이스 생성');
    expect(text.out).toContain('드라이 런: 아무것도 변경하지 않았습니다.');
  });

  it('shows help in Korean, options and titles included', async () => {
    const r = await run({ LANG: 'ko_KR.UTF-8' }, 'up', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('사용법: lifesub up [options]');
    expect(r.out).toContain('실습 ID: 네임스페이스 <id>-lifesub-ns');
    // commander's choices and default, in Korean
    expect(r.out).toMatch(/\(선택:\s+"text",\s+"json",\s+기본값:\s+"text"\)/);
    // --profile has no fixed default (a running sandbox's profile wins): its Korean description says so
    expect(r.out).toMatch(/sandbox 지연 프로필: fast 또는 realistic\s+\(기본값:\s+실행\s+중인\s+sandbox의\s+프로필,\s+없으면\s+fast\)/);
    expect(r.out).not.toContain('"fast"');
    expect(r.out).toContain('종료 코드: 0 성공');
    // Wrapped for an 80-column terminal, where a Hangul syllable takes two columns.
    const columns = (line: string) => line.length + (line.match(/[\uAC00-\uD7A3]/g)?.length ?? 0);
    expect(Math.max(...r.out.split('\n').map(columns))).toBeLessThanOrEqual(80);
  });
});
