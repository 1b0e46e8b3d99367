/**
 * Race times and scheduled durations as results sheets write them, to and from integer
 * milliseconds. Pure string arithmetic: no floats, so `4:00'04.690` is exactly 14 404 690 ms.
 */

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

// `4:00'04.690` is how the ACO's classification sheets print it; `4:00:04.690` is the same
// time with a colon, and `240:04.690` counts minutes only (as some timing exports do). The
// minutes form needs its fraction, or `4:00` would read as four minutes where four hours was
// meant. Digit counts are capped so that no text reads as an unsafe integer.
const HOURS_TIME = /^(\d{1,3}):([0-5]\d)[':]([0-5]\d)(?:\.(\d{1,3}))?$/;
const MINUTES_TIME = /^(\d{1,5}):([0-5]\d)\.(\d{1,3})$/;

/**
 * A total race time in milliseconds, or `undefined` when the text is not a race time.
 * @example parseRaceTime("4:00'04.690") === 14_404_690
 */
export function parseRaceTime(text: string): number | undefined {
  const hours = HOURS_TIME.exec(text);
  if (hours) {
    const [, h, m, s, fraction] = hours;
    return Number(h) * MS_PER_HOUR + Number(m) * MS_PER_MINUTE + Number(s) * MS_PER_SECOND + fractionMs(fraction);
  }
  const minutes = MINUTES_TIME.exec(text);
  if (minutes) {
    const [, m, s, fraction] = minutes;
    return Number(m) * MS_PER_MINUTE + Number(s) * MS_PER_SECOND + fractionMs(fraction);
  }
  return undefined;
}

/** `.69` is 690 ms, not 69: the fraction is read as digits of a decimal, padded to thousandths. */
function fractionMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
}

/**
 * A total race time as `h:mm:ss.fff`, or `m:ss.fff` under an hour; `parseRaceTime` reads it back.
 * @example formatRaceTime(14_404_690) === '4:00:04.690'
 */
export function formatRaceTime(totalTimeMs: number): string {
  const ms = Math.round(totalTimeMs);
  const h = Math.floor(ms / MS_PER_HOUR);
  const m = Math.floor((ms % MS_PER_HOUR) / MS_PER_MINUTE);
  const s = Math.floor((ms % MS_PER_MINUTE) / MS_PER_SECOND);
  const seconds = `${pad2(s)}.${String(ms % MS_PER_SECOND).padStart(3, '0')}`;
  return h > 0 ? `${h}:${pad2(m)}:${seconds}` : `${m}:${seconds}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const DURATION = /^(?:(\d{1,3})h)?(?:(\d{1,5})m)?$/;

/**
 * A scheduled race length in milliseconds, or `undefined` when the text is not one.
 * Minutes may exceed 59 only without hours (`90m`, but not `1h90m`).
 * @example parseDuration('2h30m') === 9_000_000
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') return undefined;
  const [, h, m] = match;
  if (h !== undefined && m !== undefined && Number(m) >= 60) return undefined;
  return Number(h ?? 0) * MS_PER_HOUR + Number(m ?? 0) * MS_PER_MINUTE;
}

/**
 * A scheduled race length as `4h`, `2h30m` or `45m`. The format counts whole minutes, so a
 * length with seconds is rounded to the nearest minute.
 */
export function formatDuration(durationMs: number): string {
  const minutes = Math.round(durationMs / MS_PER_MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}
