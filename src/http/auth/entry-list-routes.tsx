import type { Context } from 'hono';
import type { EntryListChanged, EntryListRefusal } from '../../app/entry-list.ts';
import { CONFIRM_LINEUP_FINDINGS, entryListView } from '../../app/entry-list.ts';
import type { Office } from '../../app/office.ts';
import type { EntryChangeKind } from '../../domain/entry-list.ts';
import type { Role } from '../../domain/officials.ts';
import { ERROR_OUTCOMES, formatProblem, refusal } from '../../domain/problem.ts';
import type { Result } from '../../domain/result.ts';
import { err } from '../../domain/result.ts';
import { badCharacter } from '../../domain/text.ts';
import {
  ENTRY_CHANGE_BODIES,
  ENTRY_CHANGE_EXAMPLES,
  ENTRY_CHANGE_ROUTES,
  readEntryChange,
} from '../../formats/entry-list-request.ts';
import { z } from 'zod';
import { problemOf } from '../../formats/problems.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf, officialOf, sessionOf } from './context.ts';
import type { EntryForm, FormFields } from './entry-list-form.ts';
import { addEntryBody, ENTRY_FORMS, entryBody } from './entry-list-form.ts';
import type { EntryPageNotes } from './entry-list-pages.tsx';
import { EntryListPage, EntryPage, entryPath } from './entry-list-pages.tsx';
import { refuse } from './errors.ts';
import { requireOfficial } from './guard.tsx';
import { privateHtml } from './html.ts';
import type { ApiDoc } from './mutations.ts';
import { adminRead, mutation, validBody } from './mutations.ts';
import { seasonIdOfPath } from './params.ts';
import { actorOf } from './race-control-routes.tsx';

/** Every official may read the entry list; the timekeepers, who run timing and results, change it (and administrators). */
const READERS: readonly Role[] = ['admin', 'steward', 'timekeeper'];
const EDITORS: readonly Role[] = ['timekeeper', 'admin'];
const API = '/api/v1/admin/seasons/:id/entries';
const PAGES = '/admin/seasons/:id/entries';

/** A car number as a path may name one: a short name without control characters; else no car. */
function carOfPath(text: string | undefined): string | undefined {
  return text !== undefined && text.length > 0 && text.length <= 20 && !badCharacter(text, 'name') ? text : undefined;
}

/** The change a body asks for, checked and applied: the office's answer, or the body's problems. */
async function applyChange(
  office: Office,
  c: Context<AuthEnv>,
  id: string,
  kind: EntryChangeKind,
  body: unknown,
  car: string | undefined,
  confirm: boolean,
): Promise<Result<EntryListChanged, EntryListRefusal>> {
  const read = readEntryChange(kind, body, car);
  if (!read.ok) {
    const problems = read.error.map(problemOf);
    const message = `${problems.map(formatProblem).join('; ')} (expected ${ENTRY_CHANGE_EXAMPLES[kind]})`;
    return err(refusal('bad-request', message, problems));
  }
  const changed = await office.changeEntryList(id, read.value, actorOf(c), { confirm });
  if (changed.ok && changed.value.changed) {
    authOf(c).logger?.info({ season: id, car: read.value.car, kind, by: changed.value.by }, 'entry list changed');
  }
  return changed;
}

/** `#22 from round 3: …; line-up findings: …`, for the page after a change. */
function noticeOf(changed: EntryListChanged): string {
  return changed.findings.length > 0
    ? `${changed.summary}; line-up findings: ${changed.findings.join('; ')}`
    : changed.summary;
}

async function listPage(office: Office, c: Context<AuthEnv>, status: 200 | 400 | 404 | 409, notes: EntryPageNotes) {
  const id = seasonIdOfPath(c.req.param('id'));
  const season = id === undefined ? undefined : await office.season(id);
  if (!season) return privateHtml(c, <p>There is no such season.</p>, 404);
  const official = officialOf(c);
  const page = (
    <EntryListPage
      view={entryListView(season)}
      changes={await office.entryListChanges(season.id)}
      editor={EDITORS.includes(official.role)}
      csrfToken={sessionOf(c).csrfToken}
      notes={notes}
    />
  );
  return privateHtml(c, page, status);
}

async function carPage(office: Office, c: Context<AuthEnv>, status: 200 | 400 | 404 | 409, notes: EntryPageNotes) {
  const id = seasonIdOfPath(c.req.param('id'));
  const car = carOfPath(c.req.param('car'));
  const season = id === undefined ? undefined : await office.season(id);
  const view = season && entryListView(season);
  const entry = view?.classes.flatMap((cls) => cls.entries).find((e) => e.car === car);
  if (!season || !view || !entry) return privateHtml(c, <p>There is no such car in this season.</p>, 404);
  const changes = (await office.entryListChanges(season.id)).filter((ch) => ch.entries.some((e) => e.car === car));
  const page = (
    <EntryPage
      view={view}
      entry={entry}
      changes={changes}
      editor={EDITORS.includes(officialOf(c).role)}
      csrfToken={sessionOf(c).csrfToken}
      notes={notes}
    />
  );
  return privateHtml(c, page, status);
}

/** What a refused form shows: every problem, and (but for a CSRF field or a file) what was typed. */
function notesOf(failure: EntryListRefusal, form: string, fields: FormFields): EntryPageNotes {
  const draft = Object.fromEntries(
    Object.entries(fields).flatMap(([name, value]) =>
      name !== '_csrf' && typeof value === 'string' && value.length <= 2000 && !badCharacter(value, 'prose')
        ? [[name, value]]
        : [],
    ),
  );
  const problems = failure.issues?.map(formatProblem) ?? [failure.message];
  return { problems, needsConfirmation: failure.code === 'needs-confirmation', form, draft };
}

const EXAMPLE_CREW = [{ name: 'James French' }, { name: 'Leonard Hoogenboom' }, { name: 'Roman Rusinov' }];

type EntryChangeRoute = (typeof ENTRY_CHANGE_ROUTES)[EntryChangeKind];

/** What the authorization test sends to each change's route, as the right role. */
const EXAMPLE_BODIES: Readonly<Record<EntryChangeKind, unknown>> = {
  'add-entry': {
    car: '999',
    class: 'LMP2',
    team: 'Authorization Test Racing',
    fromRound: 4,
    drivers: [
      { name: 'Test Driver One', rating: 'Bronze' },
      { name: 'Test Driver Two', rating: 'Silver' },
    ],
  },
  'entry-details': { carModel: 'Aurus 01' },
  'team-name': { team: 'G-Drive Racing with Algarve' },
  crew: { round: 4, drivers: EXAMPLE_CREW },
  driver: { name: 'Roman Rusinov', rating: 'Gold' },
  withdraw: { round: 4 },
};

const EXAMPLE_FORMS: Readonly<Record<EntryForm, Record<string, string>>> = {
  details: { class: 'LMP2', eligible: 'yes', carModel: 'Aurus 01', nationality: 'RUS' },
  team: { team: 'G-Drive Racing with Algarve' },
  crew: { scope: 'only', round: '4', driver: 'Roman Rusinov' },
  driver: { name: 'Roman Rusinov', rating: 'Gold', nationality: 'RUS', aliases: '' },
  withdraw: { round: '4' },
};

const TAGS = ['Entry list (admin)'];

const EntryJson = z.record(z.string(), z.unknown()).meta({
  description:
    'An entry as the season file has it: car, class, team, teamNames, eligible, carModel, nationality, drivers.',
});
const EntriesBeforeAfter = z.array(
  z.object({ car: z.string(), before: EntryJson.nullable(), after: EntryJson.nullable() }),
);

const EntryListChangedSchema = z
  .object({
    summary: z
      .string()
      .meta({ example: '#22 from round 3: Aksel LINDQVIST, Tomás ORTEGA, Jonas WEBER; joining: Jonas WEBER' }),
    changed: z.boolean().meta({ description: 'False when the entry list already was so: nothing recorded.' }),
    entries: EntriesBeforeAfter,
    findings: z
      .array(z.string())
      .meta({ description: 'Line-up findings the change brought (confirmed, or that cannot be checked).' }),
    by: z.string(),
    at: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'EntryListChanged' });

const EntryListSchema = z.object({
  id: z.string(),
  rounds: z.array(z.object({ round: z.number().int(), name: z.string() })),
  classes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      entries: z.array(
        z.object({
          car: z.string(),
          team: z.string(),
          drivers: z.array(z.record(z.string(), z.unknown())),
          rounds: z.array(z.object({ round: z.number().int(), team: z.string(), drivers: z.array(z.string()) })),
        }),
      ),
    }),
  ),
});

const EntryListChangesSchema = z.object({
  changes: z.array(
    z.object({
      kind: z.string(),
      summary: z.string(),
      request: z.unknown(),
      entries: EntriesBeforeAfter,
      by: z.string(),
      at: z.string(),
    }),
  ),
});

const CONFIRM_QUERY = z.object({
  confirm: z
    .enum([CONFIRM_LINEUP_FINDINGS])
    .optional()
    .meta({ description: 'Record a crew that breaks line-up rules as it is (the 409 listed them).' }),
});

/** What each change's route is, for the OpenAPI document. */
const CHANGE_DOCS: Readonly<Record<EntryChangeKind, { operationId: string; summary: string; description: string }>> = {
  'add-entry': {
    operationId: 'addEntry',
    summary: 'Add a car to the entry list',
    description: 'The car, its class and team, and its crew, entered from `fromRound` on (absent: every round).',
  },
  'entry-details': {
    operationId: 'changeEntry',
    summary: "Change a car's class, eligibility, model or nationality",
    description: 'Only the fields sent change; `null` clears one. The class cannot change once a result names the car.',
  },
  'team-name': {
    operationId: 'setTeamName',
    summary: "Rename a car's team from a round on",
    description:
      'The team runs under `team` from `fromRound` on; earlier rounds keep the names they had (the standings after ' +
      'those rounds show them).',
  },
  crew: {
    operationId: 'setCrew',
    summary: "Set a car's crew from a round on, or at one round",
    description:
      'The crew is exactly `drivers` from `fromRound` to the last round, or at `round` only: drivers named join (by ' +
      'name or alias, case and accents aside; a new driver is added with the rating and nationality given), the ' +
      'others leave for those rounds. A driver who drove a classified race stays in that round’s crew.',
  },
  driver: {
    operationId: 'changeDriver',
    summary: "Set a crew member's FIA rating, nationality or other spellings",
    description:
      '`null` clears the rating or nationality; `aliases` replaces the other spellings timing files may use.',
  },
  withdraw: {
    operationId: 'withdrawEntry',
    summary: 'Withdraw a car from a round',
    description:
      'None of its crew is entered for the round any more. Refused when the round’s classification or poles name ' +
      'the car.',
  },
};

function changeDoc(kind: EntryChangeKind): ApiDoc {
  const { operationId, summary, description } = CHANGE_DOCS[kind];
  return {
    operationId,
    tags: TAGS,
    summary: `${summary} (timekeeper, admin, token scope import, pitwall entries)`,
    description: `${description} Each change is kept in the audit trail with who, when, and the entry before and after.`,
    query: CONFIRM_QUERY,
    body: { contentType: 'application/json', schema: ENTRY_CHANGE_BODIES[kind], expected: ENTRY_CHANGE_EXAMPLES[kind] },
    responses:
      kind === 'add-entry'
        ? {
            201: { description: 'Added.', schema: EntryListChangedSchema },
            200: { description: 'The car was entered so already: nothing changed.', schema: EntryListChangedSchema },
          }
        : { 200: { description: 'Changed (or already so).', schema: EntryListChangedSchema } },
    errors: ['not-found', 'conflict', 'needs-confirmation'],
  };
}

/**
 * Race control's entry list: read it (every official; the timing system's token; the `pitwall`
 * command), and change it — the timekeepers and administrators, by the pages' forms or the admin
 * API (which the timing system's token and the command reach too). Each change through the
 * mutation registry, into the audit trail (src/app/entry-list.ts).
 */
export function entryListRoutes(app: AuthApp, office: Office): void {
  const reader = { roles: READERS, scopes: ['import'], console: true, examples: { id: 'alms-2024-25' } } as const;
  adminRead(app, {
    ...reader,
    path: API,
    doc: {
      operationId: 'getEntryList',
      tags: TAGS,
      summary: 'The entry list class by class, with each car’s crew and team name round by round (any official)',
      responses: { 200: { description: 'The entry list.', schema: EntryListSchema } },
      errors: ['not-found'],
    },
    handler: async (c) => {
      const id = seasonIdOfPath(c.req.param('id'));
      const season = id === undefined ? undefined : await office.season(id);
      if (!season) return refuse(c, refusal('not-found', 'No such season.'));
      return c.json(entryListView(season));
    },
  });
  adminRead(app, {
    ...reader,
    path: `${API}/changes`,
    doc: {
      operationId: 'getEntryListChanges',
      tags: TAGS,
      summary: "The entry list's audit trail, oldest first (any official)",
      description:
        "Race control's changes and the crew changes confirmed with timing files (`timing-crew`): kind, summary, " +
        'the request, each entry before and after, by whom and when.',
      responses: { 200: { description: 'The changes.', schema: EntryListChangesSchema } },
      errors: ['not-found'],
    },
    handler: async (c) => {
      const id = seasonIdOfPath(c.req.param('id'));
      const season = id === undefined ? undefined : await office.season(id);
      if (!season) return refuse(c, refusal('not-found', 'No such season.'));
      return c.json({ changes: await office.entryListChanges(season.id) });
    },
  });
  app.get(PAGES, requireOfficial(READERS), (c) => listPage(office, c, 200, { notice: c.req.query('notice') }));
  app.get(`${PAGES}/:car`, requireOfficial(READERS), (c) => carPage(office, c, 200, { notice: c.req.query('notice') }));

  for (const [kind, route] of Object.entries(ENTRY_CHANGE_ROUTES) as [EntryChangeKind, EntryChangeRoute][]) {
    mutation(app, {
      method: route.method,
      path: `${API}${route.path}`,
      roles: EDITORS,
      scopes: ['import'],
      console: true,
      example: { params: { id: 'alms-2019-20', car: '26' }, json: EXAMPLE_BODIES[kind] },
      doc: changeDoc(kind),
      handler: async (c) => {
        const id = seasonIdOfPath(c.req.param('id'));
        if (id === undefined) return refuse(c, refusal('not-found', 'No such season.'));
        const car = kind === 'add-entry' ? undefined : carOfPath(c.req.param('car'));
        if (kind !== 'add-entry' && car === undefined) {
          return refuse(c, refusal('not-found', 'No such car.'));
        }
        const body = validBody(c, ENTRY_CHANGE_BODIES[kind]);
        const confirm = c.req.query('confirm') === CONFIRM_LINEUP_FINDINGS;
        const changed = await applyChange(office, c, id, kind, body, car, confirm);
        if (!changed.ok) return refuse(c, changed.error);
        return c.json(changed.value, kind === 'add-entry' && changed.value.changed ? 201 : 200);
      },
    });
  }

  mutation(app, {
    method: 'POST',
    path: PAGES,
    roles: EDITORS,
    example: {
      params: { id: 'alms-2019-20' },
      form: {
        car: '998',
        class: 'LMP2',
        team: 'Authorization Test Racing',
        fromRound: '4',
        newName1: 'Test Driver Three',
        newRating1: 'Bronze',
        newName2: 'Test Driver Four',
      },
    },
    handler: async (c) => {
      const id = seasonIdOfPath(c.req.param('id'));
      if (id === undefined) return privateHtml(c, <p>There is no such season.</p>, 404);
      const fields = await c.req.parseBody({ all: true });
      const confirm = fields.confirm === CONFIRM_LINEUP_FINDINGS;
      const body = addEntryBody(fields);
      const changed = await applyChange(office, c, id, 'add-entry', body, undefined, confirm);
      if (!changed.ok) {
        const status = ERROR_OUTCOMES[changed.error.code].status;
        return listPage(office, c, status, notesOf(changed.error, 'add', fields));
      }
      const car = typeof body.car === 'string' ? body.car : '';
      return c.redirect(`${entryPath(id, car)}?notice=${encodeURIComponent(noticeOf(changed.value))}`, 303);
    },
  });

  for (const [form, kind] of Object.entries(ENTRY_FORMS) as [EntryForm, EntryChangeKind][]) {
    mutation(app, {
      method: 'POST',
      path: `${PAGES}/:car/${form}`,
      roles: EDITORS,
      example: { params: { id: 'alms-2019-20', car: '26' }, form: EXAMPLE_FORMS[form] },
      handler: async (c) => {
        const id = seasonIdOfPath(c.req.param('id'));
        const car = carOfPath(c.req.param('car'));
        if (id === undefined || car === undefined) return privateHtml(c, <p>There is no such car.</p>, 404);
        const fields = await c.req.parseBody({ all: true });
        const confirm = fields.confirm === CONFIRM_LINEUP_FINDINGS;
        const changed = await applyChange(office, c, id, kind, entryBody(form, fields), car, confirm);
        if (!changed.ok) {
          const status = ERROR_OUTCOMES[changed.error.code].status;
          return carPage(office, c, status, notesOf(changed.error, form, fields));
        }
        return c.redirect(`${entryPath(id, car)}?notice=${encodeURIComponent(noticeOf(changed.value))}`, 303);
      },
    });
  }
}
