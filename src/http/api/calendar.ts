import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Office } from '../../app/office.ts';
import { makeICalendar, seasonCalendar } from '../../formats/icalendar.ts';
import { errorResponses, failureResponse } from './errors.ts';
import { SeasonParams, seasonOf } from './seasons.ts';

const getCalendar = createRoute({
  method: 'get',
  path: '/v1/seasons/{id}/calendar.ics',
  operationId: 'getCalendar',
  tags: ['Seasons'],
  summary: 'The calendar as iCalendar',
  description:
    'An all-day event per round with a date: SUMMARY the round name, LOCATION circuit and country, ' +
    'a UID stable per season and round, so subscribed calendars update in place.',
  request: { params: SeasonParams },
  responses: {
    200: { description: 'An RFC 5545 calendar.', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses('bad-request', 'not-found'),
  },
});

export function calendarRoutes(office: Office): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(getCalendar, async (c) => {
    const season = await seasonOf(office, c.req.valid('param').id);
    if (!season.ok) return failureResponse(c, season.error);
    return c.body(makeICalendar(seasonCalendar(season.value)), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Inline, so a browser hands it to the calendar app and a subscription URL just works.
      'Content-Disposition': `inline; filename="${season.value.id}.ics"`,
    });
  });
  return app;
}
