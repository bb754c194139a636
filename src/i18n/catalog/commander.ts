import type { Section } from './section.js';

/** Commander's own texts (node_modules/commander/lib): help titles, built-in options, its error messages. */
export const commander: Section = {
  area: 'commander',
  entries: {
    'Usage:': '사용법:',
    'Options:': '옵션:',
    'Commands:': '명령:',
    'Arguments:': '인수:',
    'Global Options:': '전역 옵션:',
    'display help for command': '명령의 도움말을 표시합니다',
    'output the version number': '버전 번호를 출력합니다',
    "unknown option '{0}'": "알 수 없는 옵션 '{0}'",
    "unknown command '{0}'": "알 수 없는 명령 '{0}'",
    '(Did you mean {0}?)': '({0}을(를) 말씀하신 건가요?)',
    '(Did you mean one of {0}?)': '({0} 중 하나를 말씀하신 건가요?)',
    "missing required argument '{0}'": "필수 인수 '{0}'이(가) 없습니다",
    "option '{0}' argument missing": "옵션 '{0}'에 값이 없습니다",
    "required option '{0}' not specified": "필수 옵션 '{0}'이(가) 지정되지 않았습니다",
    "option '{0}' argument '{1}' is invalid. Allowed choices are {2}.": "옵션 '{0}'의 값 '{1}'이(가) 올바르지 않습니다. 가능한 값: {2}.",
    // src/i18n/help.ts: the global option itself
    'language of messages: ko (Korean) or en (English); default: from LC_ALL, LC_MESSAGES or LANG':
      '메시지 언어: ko(한국어) 또는 en(영어). 기본값은 LC_ALL, LC_MESSAGES, LANG에서 정합니다',
  },
};
