/**
 * Bank business days in Japan, and the latest day a bank transfer arrives (the Claim's `arrivalBy`).
 *
 * A bank business day is a day that is not a Saturday or Sunday, not a public holiday (with the substitute
 * holidays 振替休日 and the citizens' holidays 国民の休日, as the holiday-jp data lists them) and not one of the
 * banks' year-end days 12/31, 1/1, 1/2, 1/3. The holidays come from `@holiday-jp/holiday_jp` (generated from the
 * holiday-jp project's data, not a list typed here); its data ends in `HOLIDAYS_KNOWN_UNTIL`, and a date past it
 * gets no `arrivalBy` at all (the widget then says "1–3 business days") rather than a guess.
 *
 * Everything is done on calendar dates in Japan (Asia/Tokyo is UTC+9 without daylight saving since 1951): an
 * instant is turned into its JST date and minute of day once, then days are counted on `YYYY-MM-DD` strings,
 * whatever the server's own time zone.
 *
 * The rule (README, "Arrival dates"): a transfer asked on a business day before the cut-off (15:00 JST by
 * default, the banks' same-day clearing) starts that day; asked at or after the cut-off, or on a day that is
 * not a business day, it starts on the next business day. It arrives at the latest `businessDays` business days
 * after its start day (the upper bound of the method's "1–3 business days": 3 by default).
 */
import holidayData from '@holiday-jp/holiday_jp/lib/holidays.js';

/** A calendar date in Japan, `YYYY-MM-DD`. */
export type CalendarDate = string;

const HOLIDAYS: ReadonlySet<CalendarDate> = new Set(Object.keys(holidayData));
/** The last date the holiday data covers (the data lists holidays up to its last year's 勤労感謝の日). */
export const HOLIDAYS_KNOWN_UNTIL: CalendarDate = `${([...HOLIDAYS].sort().at(-1) ?? '1970').slice(0, 4)}-12-31`;

/** The banks' year-end and New Year days off (銀行の休業日: 12/31 to 1/3). */
const YEAR_END: ReadonlySet<string> = new Set(['12-31', '01-01', '01-02', '01-03']);

export interface ArrivalTerms {
  /** Business days after the start day by which the money has arrived. */
  businessDays: number;
  /** Minutes after midnight JST from which a transfer starts the next business day (15:00 → 900). */
  cutoffMinutes: number;
}

export const DEFAULT_ARRIVAL_TERMS: ArrivalTerms = { businessDays: 3, cutoffMinutes: 15 * 60 };

/** Terms as the backend's options give them, checked: 0 to 10 business days, a cut-off within the day. */
export function arrivalTerms(given: Partial<ArrivalTerms> = {}): ArrivalTerms {
  const terms = { ...DEFAULT_ARRIVAL_TERMS, ...given };
  if (!Number.isInteger(terms.businessDays) || terms.businessDays < 0 || terms.businessDays > 10)
    throw new RangeError('businessDays: an integer from 0 to 10');
  if (!Number.isInteger(terms.cutoffMinutes) || terms.cutoffMinutes < 0 || terms.cutoffMinutes > 24 * 60)
    throw new RangeError('cutoffMinutes: an integer from 0 to 1440');
  return terms;
}

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The JST calendar date of an instant, and its minute of that day. */
export function inJapan(epochMs: number): { date: CalendarDate; minutes: number } {
  const jst = epochMs + JST_OFFSET_MS;
  const day = Math.floor(jst / DAY_MS);
  return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), minutes: Math.floor((jst - day * DAY_MS) / 60_000) };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether banks in Japan settle transfers on this date. */
export function isBankBusinessDay(date: CalendarDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date) && !YEAR_END.has(date.slice(5));
}

/** The first business day after `date`. */
export function nextBankBusinessDay(date: CalendarDate): CalendarDate {
  let day = addDays(date, 1);
  // The longest run of days off (Golden Week with a weekend, the year end) is far below this bound.
  for (let i = 0; i < 30 && !isBankBusinessDay(day); i++) day = addDays(day, 1);
  return day;
}

/** The business day a transfer asked at `epochMs` starts on (the cut-off rule above). */
export function transferStartDay(epochMs: number, terms: ArrivalTerms = DEFAULT_ARRIVAL_TERMS): CalendarDate {
  const { date, minutes } = inJapan(epochMs);
  return isBankBusinessDay(date) && minutes < terms.cutoffMinutes ? date : nextBankBusinessDay(date);
}

/**
 * The latest date a transfer asked at `epochMs` arrives: its start day plus `businessDays` business days.
 * Undefined when that date lies past the holiday data (a holiday there would be unknown).
 */
export function bankArrivalBy(epochMs: number, terms: ArrivalTerms = DEFAULT_ARRIVAL_TERMS): CalendarDate | undefined {
  let day = transferStartDay(epochMs, terms);
  for (let i = 0; i < terms.businessDays; i++) day = nextBankBusinessDay(day);
  return day <= HOLIDAYS_KNOWN_UNTIL ? day : undefined;
}
