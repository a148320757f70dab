/**
 * Codes shown for reading aloud and typing at an ATM: digits in groups (3886 8964 4809, 958 782), while
 * what is copied stays the raw digits. Pure.
 */

/** Groups of 4 when the length allows it, else of 3, else of 4 from the left with a shorter last group. */
export function groupForReading(code: string): string {
  if (!/^\d{5,}$/.test(code)) return code;
  const size = code.length % 4 === 0 ? 4 : code.length % 3 === 0 ? 3 : 4;
  return code.match(new RegExp(`\\d{1,${size}}`, 'g'))!.join(' ');
}
