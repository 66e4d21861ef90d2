/**
 * Absolute times as rate-limit headers spell them: the three HTTP-date
 * forms RFC 9110 requires recipients to accept, RFC 3339 / ISO 8601 down to minute precision, and
 * JavaScript's `Date.prototype.toString()` (lemlist). Written out instead of `Date.parse`, whose
 * accepted forms differ between the engines this code runs in.
 */
import { MAX_VALUE_CHARS, validEpoch } from './values.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = new RegExp(`^[A-Za-z]{3}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
/** `Sunday, 06-Nov-94 08:49:37 GMT` */
const RFC_850 = new RegExp(`^[A-Za-z]{6,9}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
/** `Sun Nov  6 08:49:37 1994` */
const ASCTIME = new RegExp(`^[A-Za-z]{3} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`, 'i');
/** `2025-03-02T10:15Z`, `2025-03-02T10:15:30.123+01:00`, `2025-03-02 10:15:30` */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** `Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)` */
const JS_DATE_STRING = new RegExp(`^[A-Za-z]{3} ${MONTH} (\\d{2}) (\\d{4}) ${TIME} GMT([+-]\\d{4})(?: \\([^)]*\\))?$`, 'i');

function monthIndex(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').toLowerCase());
}

/** Date.UTC with every field range-checked, so `31 Feb` or `25:00` are rejected, not rolled over. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes = 0): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  if (new Date(ms).getUTCDate() !== day) return null;
  return validEpoch(ms - offsetMinutes * 60_000);
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
}

/** RFC 9110 §5.6.7: a two-digit year more than 50 years ahead means the previous century. */
function fullYear(twoDigits: number, referenceMs: number): number {
  const referenceYear = new Date(referenceMs).getUTCFullYear();
  const candidate = Math.floor(referenceYear / 100) * 100 + twoDigits;
  return candidate > referenceYear + 50 ? candidate - 100 : candidate;
}

/** An HTTP-date in any of its three forms, as epoch ms; `referenceMs` resolves RFC 850 two-digit years. */
export function parseHttpDate(value: string, referenceMs: number): number | null {
  if (value.length > MAX_VALUE_CHARS) return null;
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m !== null) return utc(Number(m[3]), monthIndex(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC_850.exec(text);
  if (m !== null) return utc(fullYear(Number(m[3]), referenceMs), monthIndex(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = ASCTIME.exec(text);
  if (m !== null) return utc(Number(m[6]), monthIndex(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return null;
}

/** Any absolute time a reset header may carry (in its order), as epoch ms. */
export function parseAbsoluteTime(value: string, referenceMs: number): number | null {
  const httpDate = parseHttpDate(value, referenceMs);
  if (httpDate !== null) return httpDate;
  const text = value.trim();
  let m = ISO_8601.exec(text);
  if (m !== null) {
    const fraction = m[7] === undefined ? 0 : Math.round(Number(m[7]) * 1000);
    const at = utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), offsetMinutes(m[8]));
    return at === null ? null : at + fraction;
  }
  m = JS_DATE_STRING.exec(text);
  if (m !== null) return utc(Number(m[3]), monthIndex(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]), offsetMinutes(m[7]));
  return null;
}
