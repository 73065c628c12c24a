// HTTP-date as RFC 9110 §5.6.7 asks recipients to read it: IMF-fixdate, RFC 850 and asctime, nothing else.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = MONTHS.join("|");
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";

/** Sun, 06 Nov 1994 08:49:37 GMT */
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
/** Sunday, 06-Nov-94 08:49:37 GMT */
const RFC_850 = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`,
);
/** Sun Nov  6 08:49:37 1994 */
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTH}) ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

function toTime(
  year: number,
  month: string,
  day: string,
  hour: string,
  minute: string,
  second: string,
): number | undefined {
  const m = MONTHS.indexOf(month);
  const [d, h, min, s] = [Number(day), Number(hour), Number(minute), Number(second)];
  if (d < 1 || h > 23 || min > 59 || s > 60) return undefined;
  const time = Date.UTC(year, m, d, h, min, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March: such a day does not exist.
  return new Date(time).getUTCDate() === d ? time : undefined;
}

/** Milliseconds since the epoch of an HTTP-date, or undefined when the text is not one of the three forms. */
export function parseHttpDate(text: string, now: number = Date.now()): number | undefined {
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, month, year, h, m, s] = match as unknown as string[];
    return toTime(Number(year), month!, day!, h!, m!, s!);
  }
  match = RFC_850.exec(text);
  if (match) {
    const [, day, month, yy, h, m, s] = match as unknown as string[];
    // A two-digit year more than 50 years ahead means the most recent past year with those digits (RFC 9110).
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(yy);
    const time = toTime(year, month!, day!, h!, m!, s!);
    if (time !== undefined && time - now > 50 * MS_PER_YEAR) year -= 100;
    return toTime(year, month!, day!, h!, m!, s!);
  }
  match = ASCTIME.exec(text);
  if (match) {
    const [, month, day, h, m, s, year] = match as unknown as string[];
    return toTime(Number(year), month!, day!.trim(), h!, m!, s!);
  }
  return undefined;
}
