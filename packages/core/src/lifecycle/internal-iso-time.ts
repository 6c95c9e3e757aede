// describe-images prints every time as an ISO 8601 string ("2025-05-03T10:51:02.537+00:00"); a
// million images carry two million of them. `new Date(text)` runs V8's general date parser on
// each; the usual shape is read here digit by digit, and anything else goes to `new Date`.

const ZERO = 0x30;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of `count` decimal digits at `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Milliseconds since the epoch of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a year from 1000
 * and every field in range, as `new Date(text).getTime()` gives them (the fraction's first three
 * digits count); undefined for any other text, which the caller hands to `new Date`.
 */
export function parseIsoMillis(text: string): number | undefined {
  if (
    text.length < 20 ||
    text[4] !== "-" ||
    text[7] !== "-" ||
    text[10] !== "T" ||
    text[13] !== ":" ||
    text[16] !== ":"
  )
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return undefined;
  if (second < 0 || second > 59) return undefined;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > monthDays) return undefined;
  let at = 19;
  let millis = 0;
  if (text[at] === ".") {
    const fractionStart = at + 1;
    at = fractionStart;
    while (at < text.length && digits(text, at, 1) >= 0) at++;
    const fractionLength = at - fractionStart;
    if (fractionLength === 0) return undefined;
    const kept = Math.min(fractionLength, 3);
    millis = digits(text, fractionStart, kept) * 10 ** (3 - kept);
  }
  let offsetMinutes = 0;
  if (text[at] === "Z") {
    at++;
  } else if ((text[at] === "+" || text[at] === "-") && text[at + 3] === ":") {
    const offsetHour = digits(text, at + 1, 2);
    const offsetMinute = digits(text, at + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
    offsetMinutes = (offsetHour * 60 + offsetMinute) * (text[at] === "-" ? -1 : 1);
    at += 6;
  } else {
    return undefined;
  }
  if (at !== text.length) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute - offsetMinutes, second, millis);
}
