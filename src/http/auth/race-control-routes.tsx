import type { Context } from 'hono';
import { problemOf } from '../../formats/problems.ts';
import type { Office } from '../../app/office.ts';
import type { Problem, Refusal } from '../../domain/problem.ts';
import { ERROR_OUTCOMES, refusal } from '../../domain/problem.ts';
import { refuse } from './errors.ts';
import type { Role } from '../../domain/officials.ts';
import { checkName } from '../../domain/officials.ts';
import { formatIssue } from '../../formats/season-file.ts';
import type { TimingIssue } from '../../formats/timing/timing-csv.ts';
import { CONFIRM_CREW_CHANGES, onlyConfirmable, timingRefusalOf } from '../../app/timing-import.ts';
import type { AuthApp, AuthEnv } from './context.ts';
import { authOf, officialOf, sessionOf } from './context.ts';
import { requireOfficial } from './guard.tsx';
import { privateHtml } from './html.ts';
import type { ApiDoc } from './mutations.ts';
import { mutation } from './mutations.ts';
import { DECISION_BODY, decisionDraftOf, describeDecisionIssues } from './decision-form.ts';
import { z } from 'zod';
import { ROUND_EXPECTED, roundOfPath, seasonIdOfPath } from './params.ts';
import { badCharacter } from '../../domain/text.ts';
import { roundControlPath, RoundControlPage, SeasonControlPage } from './race-control-pages.tsx';
import type { TimingFileInput } from '../../app/console.ts';
import { openConsole } from '../../app/console.ts';
import type { TimingFileKind } from '../../app/timing-file-import.ts';
import { importTimingFile, timingFileKind } from '../../app/timing-file-import.ts';
import type { TimingRefusal } from '../../app/timing-import.ts';
import { formatProblem } from '../../domain/problem.ts';

const STAFF: readonly Role[] = ['admin', 'steward', 'timekeeper'];
const API = '/api/v1/admin';
const EXAMPLE_PARAMS = { id: 'alms-2019-20', round: '1' };
export const MAX_TIMING_BYTES = 4 * 1024 * 1024;

/** What every timing import checks, and how the officer confirms: for the routes' descriptions. */
export const FITS_THE_ROUND =
  "A file whose date (from its provider's name, `?file=`) is more than two days from the round's, or that names a " +
  'car or driver not entered for the round, is refused with each line (409) and nothing changes, unless the ' +
  'officer confirms with `?confirm=crew-changes`: the drivers listed are then entered for the round. A car not in ' +
  'the entry list is always refused (400).';

/** The query of a timing import. */
export const TIMING_QUERY = z.object({
  file: z.string().optional().meta({
    description: "The provider's file name, whose date is checked.",
    example: '202412071400-race-201-hour-4-results.csv',
  }),
  confirm: z.enum([CONFIRM_CREW_CHANGES]).optional().meta({ description: 'Accept the lines a 409 listed.' }),
});

const RACE_CONTROL = ['Race control'];
const RESULTS_STATES = ['provisional', 'final'] as const;
const ResultsState = z.object({ state: z.enum(RESULTS_STATES) });

/** The admin API's descriptions of the three writes the pages share (the pages' own are not in the document). */
const API_DOCS = {
  decisions: {
    operationId: 'issueDecision',
    tags: RACE_CONTROL,
    summary: "Issue a stewards' decision (steward, admin)",
    description:
      'One shape per `kind`; numbers may be sent as decimal strings, as the form does. Every problem at once: the ' +
      "fields' types, what the kind needs, and what the season says (the car in the round, the driver in its crew).",
    body: { contentType: 'application/json', schema: DECISION_BODY, reader: 'handler' },
    responses: {
      201: {
        description: 'Recorded; with its effect car by car.',
        schema: z.object({ decision: z.record(z.string(), z.unknown()), impact: z.array(z.string()) }),
      },
    },
    errors: ['not-found'],
  },
  state: {
    operationId: 'setResultsState',
    tags: RACE_CONTROL,
    summary: "Publish a round's results final, or reopen them (steward, admin)",
    body: { contentType: 'application/json', schema: ResultsState, expected: '{"state":"final"}' },
    responses: {
      201: {
        description: 'Recorded.',
        schema: z.object({ round: z.number().int(), state: z.enum(RESULTS_STATES), by: z.string(), at: z.string() }),
      },
    },
    errors: ['not-found'],
  },
  classification: {
    operationId: 'importTimingClassification',
    tags: RACE_CONTROL,
    summary: "Import the timing system's classification as provisional results (timekeeper, admin, token scope import)",
    description:
      'The body is the Al Kamel classification CSV as the timing system writes it (`;` or `,`, a BOM is fine). ' +
      FITS_THE_ROUND,
    query: TIMING_QUERY,
    body: { contentType: 'text/csv', schema: z.string() },
    responses: {
      201: {
        description: 'Imported; the drivers entered for the round on confirmation are listed.',
        schema: z.object({
          round: z.number().int(),
          state: z.literal('provisional'),
          unknownDrivers: z.array(z.string()),
          crewChanges: z.array(z.string()),
        }),
      },
    },
    errors: ['bad-request', 'not-found', 'needs-confirmation'],
  },
} as const satisfies Record<string, ApiDoc>;

/**
 * Who did it, for the audit trail: the official's name, the token's, or the local user who ran
 * the `pitwall` command (it says who in `X-Pitwall-Operator`; its console secret is trusted).
 */
export function actorOf(c: Context<AuthEnv>): string {
  const principal = c.get('principal');
  if (principal?.kind === 'token') return `token:${principal.token.name}`;
  if (principal?.kind === 'console') {
    const operator = c.req.header('x-pitwall-operator') ?? '';
    return `console:${checkName(operator).ok ? operator : 'pitwall'}`;
  }
  return officialOf(c).name;
}

/** What a refused form shows: every problem, and the fields as they were typed, to correct. */
interface PageExtras {
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  readonly problems?: readonly string[];
  readonly draft?: Readonly<Record<string, string>>;
}

async function roundPage(office: Office, c: Context<AuthEnv>, status: 200 | 400 | 403 | 404, extra: PageExtras = {}) {
  const id = seasonIdOfPath(c.req.param('id'));
  const number = roundOfPath(c.req.param('round'));
  const season = id === undefined ? undefined : await office.season(id);
  const round = season?.rounds.find((r) => r.round === number);
  if (!season || !round) return privateHtml(c, <p>There is no such round.</p>, 404);
  const views = (await office.decisionsWithImpact(season.id, round.round)) ?? [];
  const driveTimes = await office.driveTimes(season.id, round.round);
  const page = (
    <RoundControlPage
      season={season}
      round={round}
      race={season.races.find((r) => r.round === round.round)}
      decisions={views}
      official={officialOf(c)}
      csrfToken={sessionOf(c).csrfToken}
      notice={extra.notice}
      error={extra.error}
      problems={extra.problems}
      draft={extra.draft}
      driveTimes={driveTimes}
    />
  );
  return privateHtml(c, page, status);
}

/** JSON for the admin API and for tokens (which have no page to go back to); pages for officials' forms. */
const isJson = (c: Context<AuthEnv>) => c.req.path.startsWith('/api/') || c.get('principal')?.kind === 'token';

/** The API takes JSON; the pages' forms are form-encoded (a token may post either). Undefined: not a JSON object. */
async function bodyOf(c: Context<AuthEnv>): Promise<Record<string, unknown> | undefined> {
  if ((c.req.header('content-type') ?? '').startsWith('application/json')) {
    const parsed: unknown = await c.req.json().catch(() => undefined);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  }
  return c.req.parseBody();
}

const NOT_AN_OBJECT = 'the body is not a JSON object: expected { "kind": …, "reason": …, and the kind\'s fields }';

/** A refusal, in JSON for the API and tokens, or on the round's page (with what was typed). */
function refused(
  office: Office,
  c: Context<AuthEnv>,
  failure: Refusal<'bad-request' | 'not-found'>,
  draft?: Readonly<Record<string, string>>,
) {
  if (isJson(c)) return refuse(c, failure);
  const status = ERROR_OUTCOMES[failure.code].status;
  const problems = failure.issues?.map((i) => i.message) ?? [failure.message];
  return problems.length > 1
    ? roundPage(office, c, status, { problems, ...(draft ? { draft } : {}) })
    : roundPage(office, c, status, { error: failure.message, ...(draft ? { draft } : {}) });
}

/** A decision's problems, each worded with its form field's label: the page and the API say the same. */
function decisionRefusal(code: 'bad-request' | 'not-found', issues: readonly Problem[]) {
  const worded = describeDecisionIssues(issues).map((message, i) => ({ ...issues[i]!, message }));
  return refusal(code, worded.map((p) => p.message).join('; '), worded);
}

/**
 * The season and round a write names, or the refusal: a round written other than in plain digits
 * (1e0, 0x3, 3.0) is a 400; a season id no season can have (a NUL, 4 KB) is a 404 before any query.
 */
function target(c: Context<AuthEnv>) {
  const round = roundOfPath(c.req.param('round'));
  const id = seasonIdOfPath(c.req.param('id'));
  if (round === undefined)
    return { refused: pathRefusal(c, refusal('bad-request', `round: expected ${ROUND_EXPECTED}`)) };
  if (id === undefined) return { refused: pathRefusal(c, refusal('not-found', 'There is no such season.')) };
  return { id, round };
}

/** A path that names no round or season has no page to go back to. */
function pathRefusal(c: Context<AuthEnv>, failure: Refusal<'bad-request' | 'not-found'>) {
  if (isJson(c)) return refuse(c, failure);
  return privateHtml(c, <p>{failure.message}</p>, ERROR_OUTCOMES[failure.code].status);
}

/** The form's fields as typed, to fill the form again after a refusal. */
const typedFields = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).flatMap(([name, value]) =>
      // Not a character a page should hold (a NUL) nor a page's worth: those are typed again.
      name !== '_csrf' && typeof value === 'string' && value.length <= 2000 && !badCharacter(value, 'prose')
        ? [[name, value]]
        : [],
    ),
  );

/** A timing file refused, as JSON: each line listed, nothing changed (src/app/timing-import.ts). */
export function timingRefusal(c: Context<AuthEnv>, issues: readonly TimingIssue[]): Response {
  return refuse(c, timingRefusalOf(issues));
}

/**
 * Race control's writes, each declared once for the admin pages (forms, redirect after post) and
 * once for the admin API (JSON), through the mutation registry: issue a stewards' decision,
 * publish or reopen a round's results, import the timing system's classification.
 */
export function raceControlRoutes(app: AuthApp, office: Office): void {
  app.get('/admin/seasons/:id', requireOfficial(STAFF), async (c) => {
    const season = await office.season(c.req.param('id'));
    if (!season) return privateHtml(c, <p>There is no such season.</p>, 404);
    return privateHtml(c, <SeasonControlPage season={season} />);
  });
  app.get('/admin/seasons/:id/rounds/:round', requireOfficial(STAFF), (c) => {
    // A finding's "open a decision" link fills the form in (?kind=…&car=…&reason=…); the steward decides.
    const query = c.req.query();
    const prefilled = ['kind', 'car', 'reason'].some((name) => query[name] !== undefined);
    return roundPage(office, c, 200, { notice: query.notice, ...(prefilled && { draft: typedFields(query) }) });
  });

  for (const prefix of ['/admin', API]) {
    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/decisions`,
      roles: ['steward', 'admin'],
      example: {
        params: EXAMPLE_PARAMS,
        ...(prefix === '/admin'
          ? { form: { kind: 'drop-positions', car: '26', positions: '1', reason: 'Authorization test' } }
          : { json: { kind: 'drop-positions', car: '26', positions: 1, reason: 'Authorization test' } }),
      },
      ...(prefix === API && { doc: API_DOCS.decisions }),
      handler: async (c) => {
        const at = target(c);
        if (at.refused) return at.refused;
        const { id, round } = at;
        const body = await bodyOf(c);
        if (!body) return refused(office, c, refusal('bad-request', NOT_AN_OBJECT));
        const draft = decisionDraftOf(body, round);
        if (!draft.ok) {
          return refused(office, c, decisionRefusal('bad-request', draft.error.map(problemOf)), typedFields(body));
        }
        const issued = await office.issueDecision(id, draft.value, actorOf(c));
        if (!issued.ok) {
          const { code, issues } = issued.error;
          return refused(office, c, issues ? decisionRefusal(code, issues) : issued.error, typedFields(body));
        }
        if (isJson(c)) return c.json(issued.value, 201);
        const notice = `Decision ${issued.value.decision.id} issued: ${issued.value.impact.join('; ') || 'no change in positions or points'}`;
        return c.redirect(`${roundControlPath(id, round)}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });

    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/state`,
      roles: ['steward', 'admin'],
      example: {
        params: EXAMPLE_PARAMS,
        ...(prefix === '/admin' ? { form: { state: 'final' } } : { json: { state: 'final' } }),
      },
      ...(prefix === API && { doc: API_DOCS.state }),
      handler: async (c) => {
        const at = target(c);
        if (at.refused) return at.refused;
        const { id, round } = at;
        const state = (await bodyOf(c))?.state;
        if (state !== 'final' && state !== 'provisional') {
          const problem = { code: 'invalid-state', message: 'state: must be final or provisional', path: 'state' };
          return refused(office, c, refusal('bad-request', problem.message, [problem]));
        }
        const changed = await office.setResultsState(id, round, state, actorOf(c));
        if (!changed.ok) return refused(office, c, changed.error);
        if (isJson(c)) return c.json(changed.value, 201);
        const notice = state === 'final' ? 'Results published final.' : 'Results reopened as provisional.';
        return c.redirect(`${roundControlPath(id, round)}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });

    mutation(app, {
      method: 'POST',
      path: `${prefix}/seasons/:id/rounds/:round/classification`,
      roles: ['timekeeper', 'admin'],
      scopes: ['import'],
      // `pitwall timing import` beside a running server sends the file here.
      console: prefix === API,
      maxBodyBytes: MAX_TIMING_BYTES,
      example: {
        params: { id: 'alms-2019-20', round: '4' },
        ...(prefix === '/admin' ? { form: { file: 'POSITION;NUMBER\n' } } : {}),
      },
      ...(prefix === API && { doc: API_DOCS.classification }),
      handler: async (c) => {
        const at = target(c);
        if (at.refused) return at.refused;
        const { id, round } = at;
        let bytes: Uint8Array;
        let name = 'classification.csv';
        let confirmed = false;
        if (c.req.path.startsWith('/api/')) {
          // The provider's file name carries its date (`202412071400-race-201-…`): checked against the round's.
          name = c.req.query('file')?.slice(0, 200) || name;
          bytes = new Uint8Array(await c.req.arrayBuffer());
        } else {
          const form = await c.req.parseBody();
          const file = form.file;
          // The form's box: the officer confirms the crew changes a first try listed.
          if (form.confirm === CONFIRM_CREW_CHANGES) confirmed = true;
          if (file instanceof File) {
            bytes = new Uint8Array(await file.arrayBuffer());
            name = file.name || name;
          } else {
            bytes = new TextEncoder().encode(typeof file === 'string' ? file : '');
          }
        }
        const confirm = confirmed || c.req.query('confirm') === CONFIRM_CREW_CHANGES;
        const imported = await office.importTimingClassification(id, round, bytes, name, actorOf(c), { confirm });
        if (!imported.ok) {
          const lines = imported.error.map(formatIssue);
          if (isJson(c)) return timingRefusal(c, imported.error);
          const hint = onlyConfirmable(imported.error)
            ? ' — tick "Confirm the crew changes" to import it with them'
            : '';
          return roundPage(office, c, 400, { error: `Nothing imported: ${lines.join(' · ')}${hint}` });
        }
        const unknown = imported.value.unknownDrivers.map((d) => `#${d.car} ${d.driver}`);
        const crewChanges = imported.value.crewChanges ?? [];
        if (isJson(c)) return c.json({ round, state: 'provisional', unknownDrivers: unknown, crewChanges }, 201);
        const notice = `Classification imported as provisional${unknown.length ? `; drivers not in the crews: ${unknown.join(', ')}` : ''}${crewChanges.length ? `; crews: ${crewChanges.join(', ')}` : ''}.`;
        return c.redirect(`${roundControlPath(id, round)}?notice=${encodeURIComponent(notice)}`, 303);
      },
    });
  }

  mutation(app, {
    method: 'POST',
    path: '/admin/seasons/:id/rounds/:round/timing',
    roles: TIMING_FILE_OFFICIALS,
    maxBodyBytes: MAX_TIMING_FILE_BYTES,
    example: { params: EXAMPLE_PARAMS, form: { file: 'POSITION;NUMBER\n' } },
    handler: async (c) => {
      const at = target(c);
      if (at.refused) return at.refused;
      const { id, round } = at;
      const form = await c.req.parseBody();
      const file = form.file;
      const text = (name: string) => {
        const value = form[name];
        return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 2000) : undefined;
      };
      const input: TimingFileInput = {
        bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(''),
        fileName: file instanceof File && file.name ? file.name.slice(0, 200) : 'timing.csv',
        confirm: form.confirm === CONFIRM_CREW_CHANGES,
        ...(text('session') !== undefined && { session: text('session') }),
        ...(text('deleted') !== undefined && { deleted: text('deleted') }),
      };
      const kind = timingFileKind(input);
      if (!kind.ok) return timingFilePage(office, c, kind.error);
      // Each kind of file is imported by the officials its API route admits.
      const role = officialOf(c).role;
      if (!TIMING_FILE_ROLES[kind.value].includes(role)) {
        const allowed = TIMING_FILE_ROLES[kind.value].join(' or ');
        return roundPage(office, c, 403, { error: `A ${role} cannot import a ${kind.value} file: a ${allowed} does.` });
      }
      const console = openConsole(office, authOf(c).officials);
      const imported = await importTimingFile(console, id, round, input, actorOf(c));
      if (!imported.ok) return timingFilePage(office, c, imported.error);
      const notice = `${input.fileName} imported: ${imported.value.lines.join(' · ') || 'nothing to change'}.`;
      return c.redirect(`${roundControlPath(id, round)}?notice=${encodeURIComponent(notice)}`, 303);
    },
  });

  mutation(app, {
    method: 'POST',
    path: '/admin/seasons/:id/rounds/:round/poles',
    roles: ['timekeeper', 'steward'],
    example: { params: EXAMPLE_PARAMS, form: { 'pole.LMP2': '26' } },
    handler: async (c) => {
      const at = target(c);
      if (at.refused) return at.refused;
      const { id, round } = at;
      const form = await c.req.parseBody();
      const poles = Object.entries(form).flatMap(([name, value]) =>
        name.startsWith('pole.') && typeof value === 'string' && value !== ''
          ? [{ class: name.slice('pole.'.length), cars: [value] }]
          : [],
      );
      if (poles.length === 0) return roundPage(office, c, 400, { error: 'Choose the pole car of at least one class.' });
      const set = await office.setPoles(id, round, poles, actorOf(c));
      if (!set.ok) return refused(office, c, set.error);
      const notice = `Poles set: ${Object.entries(set.value.poles)
        .map(([cls, cars]) => `${cls} #${cars.join(', #')}`)
        .join(' · ')}.`;
      return c.redirect(`${roundControlPath(id, round)}?notice=${encodeURIComponent(notice)}`, 303);
    },
  });
}

/** Who imports which timing file from the round's page: the officials each file's API route admits. */
const TIMING_FILE_ROLES: Readonly<Record<TimingFileKind, readonly Role[]>> = {
  classification: ['timekeeper', 'admin'],
  qualifying: ['timekeeper', 'steward'],
  'lap-analysis': ['timekeeper', 'steward'],
};
const TIMING_FILE_OFFICIALS: readonly Role[] = ['timekeeper', 'steward', 'admin'];
/** A 24-hour race's lap analysis is the largest file an officer sends. */
const MAX_TIMING_FILE_BYTES = 16 * 1024 * 1024;

/** A timing file refused, on the round's page: each problem of the file, and what to do. */
function timingFilePage(office: Office, c: Context<AuthEnv>, failure: TimingRefusal) {
  const problems = (failure.issues ?? []).slice(0, 30).map(formatProblem);
  const hint =
    failure.code === 'needs-confirmation'
      ? 'Nothing imported: tick "Confirm the crew changes" to import it with them.'
      : `Nothing imported: ${failure.message}`;
  const status = failure.code === 'not-found' ? 404 : 400;
  return roundPage(office, c, status, { problems: [...problems, hint] });
}
