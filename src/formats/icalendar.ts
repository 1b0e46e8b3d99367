import type { Round, Season } from '../domain/season.ts';

/**
 * iCalendar (RFC 5545) for a season's calendar, written by hand: the maintained generator
 * (ical-generator 11) needs Node 22, and what we print is small — VEVENTs with text, dates and
 * a UID. Output depends only on the season (DTSTAMP too), so it can be cached and ETagged.
 */

/** One event: all-day on `date`, or timed from `startUtc` for `durationMs` when the start is known. */
export interface CalendarEvent {
  /** Globally unique and stable across exports, so calendar apps update instead of duplicating. */
  readonly uid: string;
  readonly summary: string;
  readonly location?: string;
  readonly description?: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** A UTC start `YYYY-MM-DDTHH:MM:SSZ`; absent for an all-day event. */
  readonly startUtc?: string;
  readonly durationMs?: number;
}

export interface Calendar {
  readonly name: string;
  /** The DTSTAMP of every event (RFC 5545 §3.8.7.2), as YYYY-MM-DD or a UTC date-time. */
  readonly stamp: string;
  readonly events: readonly CalendarEvent[];
}

const PRODID = '-//Pitwall//Championship office//EN';
/** Domain part of our UIDs (RFC 5545 §3.8.4.7 recommends `id@domain`). */
const UID_DOMAIN = 'pitwall';

/** TEXT values (§3.3.11): backslash, semicolon, comma and newlines are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line (§3.1): no line longer than 75 octets, continuations start with one
 * space. Splits between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `2019-11-24` -> `20191124` (DATE, §3.3.4). */
const icsDate = (date: string): string => date.replaceAll('-', '');

/** `2019-11-24T03:00:00Z` or a Date -> `20191124T030000Z` (DATE-TIME in UTC, §3.3.5). */
function icsDateTime(instant: string | Date): string {
  const iso = typeof instant === 'string' ? new Date(instant).toISOString() : instant.toISOString();
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function stampOf(stamp: string): string {
  return icsDateTime(/^\d{4}-\d{2}-\d{2}$/.test(stamp) ? `${stamp}T00:00:00Z` : stamp);
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const when =
    event.startUtc === undefined
      ? // An all-day event ends, exclusively, on the next day (§3.6.1).
        [`DTSTART;VALUE=DATE:${icsDate(event.date)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(event.date))}`]
      : [
          `DTSTART:${icsDateTime(event.startUtc)}`,
          `DTEND:${icsDateTime(new Date(Date.parse(event.startUtc) + (event.durationMs ?? 0)))}`,
        ];
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    ...when,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** The iCalendar text: CRLF line ends, folded lines, UTF-8. */
export function makeICalendar(calendar: Calendar): string {
  const stamp = stampOf(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`, // RFC 7986
    `X-WR-CALNAME:${escapeText(calendar.name)}`, // what most calendar apps read
    ...calendar.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** `14400000` -> `4h`, `9000000` -> `2h30m`: as the season file writes durations. */
function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return `${hours ? `${hours}h` : ''}${minutes % 60 ? `${minutes % 60}m` : ''}` || '0m';
}

function roundEvent(season: Season, round: Round & { date: string }): CalendarEvent {
  const location = [round.circuit, round.country].filter(Boolean).join(', ');
  const about = [
    `Round ${round.round} of ${season.rounds.length}, ${season.series} ${season.season}.`,
    round.meeting ? `Meeting: ${round.meeting}.` : '',
    round.scheduledDurationMs ? `Race length: ${durationText(round.scheduledDurationMs)}.` : '',
  ];
  return {
    uid: `${season.id}-round-${round.round}@${UID_DOMAIN}`,
    summary: round.name,
    ...(location ? { location } : {}),
    description: about.filter(Boolean).join(' '),
    date: round.date,
  };
}

/**
 * A season's rounds as a calendar: one all-day event per round with a date (the season file
 * knows race days, not start times). DTSTAMP is the season's last race date, so the same season
 * always prints the same bytes.
 */
export function seasonCalendar(season: Season): Calendar {
  const dated = season.rounds.filter((r): r is Round & { date: string } => r.date !== undefined);
  const stamp = dated.map((r) => r.date).reduce((a, b) => (b > a ? b : a), '1970-01-01');
  return { name: `${season.series} ${season.season}`, stamp, events: dated.map((r) => roundEvent(season, r)) };
}
