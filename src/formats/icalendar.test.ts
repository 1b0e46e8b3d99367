import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { escapeText, foldLine, makeICalendar } from './icalendar.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Undoes RFC 5545 folding: a CRLF followed by one space joins two lines. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('foldLine', () => {
  test('keeps short lines as they are', () => {
    assert.equal(foldLine('SUMMARY:4 Hours of Shanghai'), 'SUMMARY:4 Hours of Shanghai');
  });

  test('no physical line is longer than 75 octets, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${text}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) assert.ok(octets(physical) <= 75, physical);
        assert.equal(unfold(folded), line);
      }),
    );
  });

  test('never splits a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    assert.ok(!folded.includes('\uFFFD'));
    for (const physical of folded.split('\r\n')) assert.ok(octets(physical) <= 75);
  });
});

describe('escapeText', () => {
  test('escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('makeICalendar', () => {
  const calendar = makeICalendar({
    name: 'Test Cup, 2021',
    stamp: '2021-03-07',
    events: [
      {
        uid: 'cup-round-1@pitwall',
        summary: 'Race; one, with commas',
        location: 'Circuit Ünïcode, DEU',
        description: 'Line one\nline two',
        date: '2021-03-06',
      },
      {
        uid: 'cup-round-2@pitwall',
        summary: 'Night race',
        date: '2021-03-07',
        startUtc: '2021-03-07T18:30:00Z',
        durationMs: 90 * 60_000,
      },
    ],
  });

  test('uses CRLF line ends only', () => {
    assert.ok(calendar.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(calendar));
  });

  test('parses with ical.js: values, all-day and timed events', () => {
    const root = new ICAL.Component(ICAL.parse(calendar) as unknown[]);
    assert.equal(root.getFirstPropertyValue('version'), '2.0');
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(events.length, 2);
    const [allDay, timed] = events;
    assert.equal(allDay?.summary, 'Race; one, with commas');
    assert.equal(allDay?.location, 'Circuit Ünïcode, DEU');
    assert.equal(allDay?.description, 'Line one\nline two');
    assert.equal(allDay?.startDate.isDate, true);
    assert.equal(allDay?.startDate.toString(), '2021-03-06');
    assert.equal(allDay?.endDate.toString(), '2021-03-07');
    assert.equal(timed?.startDate.isDate, false);
    assert.equal(timed?.startDate.toString(), '2021-03-07T18:30:00Z');
    assert.equal(timed?.endDate.toString(), '2021-03-07T20:00:00Z');
    assert.equal(timed?.uid, 'cup-round-2@pitwall');
  });

  test('DTSTAMP comes from the data, so the same input prints the same bytes', () => {
    assert.match(calendar, /\r\nDTSTAMP:20210307T000000Z\r\n/);
    const again = makeICalendar({ name: 'Test Cup, 2021', stamp: '2021-03-07', events: [] });
    assert.equal(again, makeICalendar({ name: 'Test Cup, 2021', stamp: '2021-03-07', events: [] }));
  });
});
