import type {
  ClassificationImported,
  Console,
  ImportedSeason,
  NewToken,
  OfficialSummary,
  TimingFileInput,
  TokenSummary,
} from '../app/console.ts';
import type { PolesProblem } from '../app/poles.ts';
import type { Refusal } from '../domain/problem.ts';
import { refusal } from '../domain/problem.ts';
import type { QualifyingImported } from '../app/qualifying-import.ts';
import type { LapAnalysisImported } from '../app/lap-analysis-import.ts';
import type { TimingRefusal } from '../app/timing-import.ts';
import { CONFIRM_CREW_CHANGES } from '../app/timing-import.ts';
import type { OfficialsError } from '../app/officials.ts';
import { OFFICIALS_ERROR_MESSAGES } from '../app/officials-messages.ts';
import { err, ok } from '../domain/result.ts';
import type { Result } from '../domain/result.ts';
import type { PolesSet } from '../app/poles.ts';
import { operator } from './operator.ts';
import type { EntryListChanged, EntryListRefusal, EntryListView } from '../app/entry-list.ts';
import { CONFIRM_LINEUP_FINDINGS } from '../app/entry-list.ts';
import { ENTRY_CHANGE_ROUTES, entryChangeBody } from '../formats/entry-list-request.ts';
import type { EntryListChange } from '../store/entry-list-changes.ts';

/** The server that owns the database answered what the command cannot use: said as it is. */
export class ServerRefused extends Error {}

/** Any refusal the server answers with (`domain/problem.ts`), as far as it could be read. */
interface Failure {
  readonly error?: Partial<Refusal>;
}

const isOfficialsError = (value: unknown): value is OfficialsError =>
  typeof value === 'string' && Object.hasOwn(OFFICIALS_ERROR_MESSAGES, value);

/**
 * The console use-cases sent to the server that owns the embedded database, over its admin API
 * (src/http/auth/console-routes.ts), with the console secret from the database's lock file.
 */
export function serverConsole(baseUrl: string, secret: string, describe: string): Console {
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: string | Uint8Array<ArrayBuffer>,
    type = 'application/json',
  ) => {
    try {
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${secret}`,
          // Who ran the command, for the audit trail of what it changes.
          'x-pitwall-operator': operator(),
          ...(body === undefined ? {} : { 'content-type': type }),
        },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new ServerRefused(`${describe} owns the database but did not answer (${cause})`);
    }
  };
  const unexpected = async (response: Response): Promise<never> => {
    const body = (await response.json().catch(() => ({}))) as Failure;
    throw new ServerRefused(
      `${describe} refused: ${response.status} ${body.error?.message ?? response.statusText}`.trim(),
    );
  };
  /** A 2xx as its JSON, an officials' refusal as its code; anything else is unexpected. */
  const officials = async <T>(response: Response): Promise<Result<T, OfficialsError>> => {
    if (response.ok) return ok((await response.json()) as T);
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as Failure;
    const reason = body.error?.issues?.[0]?.code;
    return isOfficialsError(reason) ? err(reason) : unexpected(response);
  };
  const json = async <T>(response: Response): Promise<T> =>
    response.ok ? ((await response.json()) as T) : unexpected(response);
  const post = (path: string, body: unknown) => call('POST', path, JSON.stringify(body));
  /** A timing file to its route: the answer, or the refusal with each line, as the route gives them. */
  const timing = async <T>(
    id: string,
    round: number,
    route: string,
    file: TimingFileInput,
  ): Promise<Result<T, TimingRefusal>> => {
    const params: [string, string | undefined][] = [
      ['file', file.fileName],
      ['confirm', file.confirm ? CONFIRM_CREW_CHANGES : undefined],
      ['session', file.session],
      ['deleted', file.deleted],
    ];
    const query = params
      .flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${encodeURIComponent(value)}`]))
      .join('&');
    const path = `/api/v1/admin/seasons/${encodeURIComponent(id)}/rounds/${round}/${route}?${query}`;
    const response = await call('POST', path, file.bytes.slice(), 'text/csv');
    if (response.ok) return ok((await response.json()) as T);
    const failure = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: Partial<TimingRefusal> };
    const code = failure.error?.code;
    if (code === 'not-found' || code === 'needs-confirmation' || code === 'bad-request') {
      return err(refusal(code, failure.error?.message ?? response.statusText, failure.error?.issues));
    }
    return unexpected(response);
  };

  return {
    importSeasonFile: async (text, fileName) => {
      const response = await call(
        'POST',
        `/api/v1/admin/seasons?file=${encodeURIComponent(fileName)}`,
        text,
        'application/yaml',
      );
      if (response.ok) return ok((await response.json()) as ImportedSeason);
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as Failure;
      if (body.error?.code === 'invalid-season-file' && body.error.issues) return err(body.error.issues);
      return unexpected(response);
    },
    exportSeason: async (id) => {
      const response = await call('GET', `/api/v1/admin/seasons/${encodeURIComponent(id)}/season-file`);
      if (response.ok) return ok(await response.text());
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as Failure;
      if (body.error?.code === 'not-found') return err({ known: (body.error.issues ?? []).map((i) => i.message) });
      return unexpected(response);
    },
    addOfficial: async (input) => officials<OfficialSummary>(await post('/api/v1/admin/officials', input)),
    listOfficials: async () =>
      (await json<{ officials: OfficialSummary[] }>(await call('GET', '/api/v1/admin/officials'))).officials,
    disableOfficial: async (name) =>
      officials<OfficialSummary>(await post('/api/v1/admin/officials/disable', { name })),
    createToken: async ({ name, scope }) => officials<NewToken>(await post('/api/v1/admin/tokens', { name, scope })),
    listTokens: async () => (await json<{ tokens: TokenSummary[] }>(await call('GET', '/api/v1/admin/tokens'))).tokens,
    revokeToken: async (name) => officials<TokenSummary>(await post('/api/v1/admin/tokens/revoke', { name })),
    setPoles: async (id, round, poles) => {
      const path = `/api/v1/admin/seasons/${encodeURIComponent(id)}/rounds/${round}/poles`;
      const body = { poles: poles.map((p) => ({ class: p.class, cars: p.cars })) };
      const response = await call('PUT', path, JSON.stringify(body));
      if (response.ok) return ok((await response.json()) as PolesSet);
      const failure = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { error?: Partial<PolesProblem> };
      const code = failure.error?.code;
      if (code === 'not-found' || code === 'bad-request') {
        return err(refusal(code, failure.error?.message ?? response.statusText, failure.error?.issues));
      }
      return unexpected(response);
    },
    importTimingClassification: (id, round, file) => timing<ClassificationImported>(id, round, 'classification', file),
    importTimingQualifying: (id, round, file) => timing<QualifyingImported>(id, round, 'qualifying', file),
    importTimingLapAnalysis: (id, round, file) => timing<LapAnalysisImported>(id, round, 'laps', file),
    entryList: async (id) => {
      const response = await call('GET', `/api/v1/admin/seasons/${encodeURIComponent(id)}/entries`);
      return response.status === 404 ? undefined : json<EntryListView>(response);
    },
    entryListChanges: async (id) => {
      const response = await call('GET', `/api/v1/admin/seasons/${encodeURIComponent(id)}/entries/changes`);
      return response.status === 404 ? undefined : (await json<{ changes: EntryListChange[] }>(response)).changes;
    },
    // The server records the change as the command's (`console:USER`), as it does the poles.
    changeEntryList: async (id, change, _by, options = {}) => {
      const route = ENTRY_CHANGE_ROUTES[change.kind];
      const car = route.path.replace(':car', encodeURIComponent(change.car));
      const confirm = options.confirm ? `?confirm=${CONFIRM_LINEUP_FINDINGS}` : '';
      const path = `/api/v1/admin/seasons/${encodeURIComponent(id)}/entries${car}${confirm}`;
      const response = await call(route.method, path, JSON.stringify(entryChangeBody(change)));
      if (response.ok) return ok((await response.json()) as EntryListChanged);
      const failure = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { error?: Partial<EntryListRefusal> };
      const code = failure.error?.code;
      if (code === 'not-found' || code === 'bad-request' || code === 'conflict' || code === 'needs-confirmation') {
        return err(refusal(code, failure.error?.message ?? response.statusText, failure.error?.issues));
      }
      return unexpected(response);
    },
  };
}
