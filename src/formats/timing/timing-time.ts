/**
 * Times as Al Kamel timing files print them, to integer milliseconds: lap times `3:29.208`,
 * `1'57.045` or `45.985`, race times `24:01'55.856` or `12:01:23.265`, pit times `0:01:17.492`.
 * Pure string arithmetic, like race-time.ts: `.1` is 100 ms, never a float rounding.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

// [[h:]m('|:)]s.fff — the apostrophe is the classification sheets' minute mark, the colon the
// analysis files'. Timing always prints the fraction, which keeps `3:29` (h:mm or m:ss?) out.
// Digit counts are capped so that no text reads as an unsafe integer.
const TIMING_TIME = /^(?:(?:(\d{1,3}):)?(\d{1,4})['’:])?(\d{1,5})\.(\d{1,3})$/;

/**
 * A timing time in milliseconds, or `undefined` when the text is not one.
 * @example parseTimingTime("24:01'55.856") === 86_515_856
 * @example parseTimingTime('3:29.208') === 209_208
 */
export function parseTimingTime(text: string): number | undefined {
  const match = TIMING_TIME.exec(text);
  if (!match) return undefined;
  const [, h, m, s, fraction = ''] = match;
  // Below a larger unit, minutes and seconds are two digits under 60, as a clock prints them.
  if (m !== undefined && !isClockPart(s)) return undefined;
  if (h !== undefined && !isClockPart(m)) return undefined;
  return (
    Number(h ?? 0) * MS_PER_HOUR +
    Number(m ?? 0) * MS_PER_MINUTE +
    Number(s) * MS_PER_SECOND +
    Number(fraction.padEnd(3, '0'))
  );
}

const isClockPart = (digits: string | undefined): boolean => digits !== undefined && /^[0-5]\d$/.test(digits);

/**
 * A time as the analysis files print it: `3:29.208`, `1:02:03.456` past an hour, `45.985`
 * under a minute.
 */
export function formatTimingTime(timeMs: number): string {
  const ms = Math.max(0, Math.round(timeMs));
  const h = Math.floor(ms / MS_PER_HOUR);
  const m = Math.floor((ms % MS_PER_HOUR) / MS_PER_MINUTE);
  const s = Math.floor((ms % MS_PER_MINUTE) / MS_PER_SECOND);
  const seconds = `${String(s).padStart(2, '0')}.${String(ms % MS_PER_SECOND).padStart(3, '0')}`;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${seconds}`;
  return m > 0 ? `${m}:${seconds}` : seconds.replace(/^0(?=\d)/, '');
}
