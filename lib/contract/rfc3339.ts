/**
 * RFC 3339 `date-time` (section 5.6), as JSON Schema's `format: "date-time"` means it: the shape, and values that
 * exist on a calendar and a clock (no February 30, no hour 24, no offset +24:00). Leap seconds (`:60`) are refused:
 * Object Storage event times never carry one. A `T`, `t` or space separates date and time; the offset is `Z` or
 * `±hh:mm`.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a value is an RFC 3339 date-time that exists on the calendar and the clock (no February 30, no 24:00). */
export function isRfc3339DateTime(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leapYear ? 29 : DAYS_IN_MONTH[month - 1];
  const offsetOk = match[7] === undefined || (Number(match[7]) <= 23 && Number(match[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
}
