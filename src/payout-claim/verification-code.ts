/**
 * The one-time code as the recipient types or pastes it: full-width digits (０-９) become half-width, and
 * spaces and hyphens (of any width, and the ー a Japanese keyboard gives for -) are dropped. Pure; no DOM.
 */
import { toHalfWidthAscii } from '../japanese/width.js';

export const CODE_LENGTH = 6;
/** The input takes more than 6 characters, so that `123 456` or `１２３－４５６` can be pasted whole. */
export const CODE_INPUT_MAX = 16;

export type CodeProblem = 'empty' | 'incomplete' | 'not_digits';

export function normalizeCode(raw: string): string {
  return toHalfWidthAscii(raw).replace(/[\s\-\u2010-\u2015\u2212\u30fc\uff70]/g, '');
}

/** What is wrong with a normalized code, or null when it is 6 digits. */
export function codeProblem(code: string): CodeProblem | null {
  if (code === '') return 'empty';
  if (!/^\d+$/.test(code)) return 'not_digits';
  return code.length === CODE_LENGTH ? null : 'incomplete';
}
