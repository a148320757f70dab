import { expect } from '@open-wc/testing';
import { caretAt, deleteBefore, editSegment, toSegments } from '../../src/fields/code-segments.js';
import { BRANDS } from '../../src/contract/brands.js';
import { normalizeCode } from '../../src/japanese/prepaid-code.js';

const layout = BRANDS.webmoney.code;
const wm = (t: string) => normalizeCode(layout, t);
const twenty = { length: 20, groupSize: 4 };

describe('segmented code model', () => {
  it('splits a code into four boxes, overflow in the last', () => {
    expect(toSegments(layout, '')).to.deep.equal(['', '', '', '']);
    expect(toSegments(layout, 'abcdef')).to.deep.equal(['abcd', 'ef', '', '']);
    expect(toSegments(layout, 'abcdefgh12345678xy')).to.deep.equal(['abcd', 'efgh', '1234', '5678xy']);
  });

  it('hands the caret to the next box when one fills', () => {
    expect(caretAt(layout, 0)).to.deep.equal({ segment: 0, offset: 0 });
    expect(caretAt(layout, 4)).to.deep.equal({ segment: 1, offset: 0 });
    expect(caretAt(layout, 7)).to.deep.equal({ segment: 1, offset: 3 });
    expect(caretAt(layout, 16)).to.deep.equal({ segment: 3, offset: 4 });
  });

  const edits: [string, string, number, string, number, string, { segment: number; offset: number }][] = [
    ['typing a character', 'abc', 0, 'abcd', 4, 'abcd', { segment: 1, offset: 0 }],
    ['typing into the second box', 'abcde', 1, 'ef', 2, 'abcdef', { segment: 1, offset: 2 }],
    ['a whole code pasted into the first box spreads', '', 0, 'ABCD-EFGH-1234-5678', 19, 'abcdefgh12345678', { segment: 3, offset: 4 }],
    ['a whole code pasted into the third box replaces the code', 'abcdefgh', 2, 'WXYZ WXYZ WXYZ WXYZ', 19, 'wxyzwxyzwxyzwxyz', { segment: 3, offset: 4 }],
    ['a hyphen typed is dropped, caret stays', 'abcd', 1, '-', 1, 'abcd', { segment: 1, offset: 0 }],
    ['full-width typed in the middle', 'abcdefgh', 1, 'eＸfgh', 2, 'abcdexfgh', { segment: 1, offset: 2 }],
    ['deleting in the middle pulls the rest left', 'abcdefgh1234', 1, 'egh', 1, 'abcdegh1234', { segment: 1, offset: 1 }],
  ];
  for (const [name, code, segment, typed, caret, expected, expectedCaret] of edits) {
    it(name, () => {
      const result = editSegment(layout, code, segment, typed, caret, wm);
      expect(result.code).to.equal(expected);
      expect(result.caret).to.deep.equal(expectedCaret);
    });
  }

  it('lays out a 20-character code in five boxes of four', () => {
    expect(toSegments(twenty, 'abcdefghijklmnopqrst')).to.deep.equal(['abcd', 'efgh', 'ijkl', 'mnop', 'qrst']);
    expect(caretAt(twenty, 16)).to.deep.equal({ segment: 4, offset: 0 });
    expect(caretAt(twenty, 20)).to.deep.equal({ segment: 4, offset: 4 });
    const pasted = editSegment(twenty, '', 0, 'ABCD-EFGH-IJKL-MNOP-QRST', 24, (t) => t.replace(/-/g, '').toLowerCase());
    expect(pasted).to.deep.equal({ code: 'abcdefghijklmnopqrst', caret: { segment: 4, offset: 4 } });
  });

  it('backspace at the start of a box deletes the last character of the previous box', () => {
    expect(deleteBefore(layout, 'abcdefgh', 1)).to.deep.equal({ code: 'abcefgh', caret: { segment: 0, offset: 3 } });
    expect(deleteBefore(layout, 'abcdefgh', 0)).to.equal(null);
    expect(deleteBefore(layout, 'ab', 2)).to.deep.equal({ code: 'a', caret: { segment: 0, offset: 1 } });
  });
});
