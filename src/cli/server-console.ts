import type {
  ClassificationImported,
  Console,
  ImportedSeason,
  NewToken,
  OfficialSummary,
  TimingFileInput,
  TokenSummary,
} from '../app/console.ts';
import type { QualifyingImported } from '../app/qualifying-import.ts';
import type { TimingRefusal } from '../app/timing-import.ts';
import { CONFIRM_CREW_CHANGES } from '../app/timing-import.ts';
import type { OfficialsError } from '../app/officials.ts';
import { OFFICIALS_ERROR_MESSAGES } from '../app/officials-messages.ts';
import { err, ok } from '../domain/result.ts';
import type { Result } from '../domain/result.ts';
import type { SeasonFileIssue } from '../formats/season-file.ts';
import type { Issue } from '../domain/result.ts';
import type { PolesSet } from '../app/poles.ts';
import { operator } from './operator.ts';

/** The server that owns the database answered what the command cannot use: said as it is. */
export class ServerRefused extends Error {}

interface Failure {
  readonly error?: { readonly code?: string; readonly message?: string; readonly reason?: string };
}

const isOfficialsError = (value: unknown): value is OfficialsError =>
  typeof value === 'string' && Object.hasOwn(OFFICIALS_ERROR_MESSAGES, value);

/**
 * The console use-cases sent to the server that owns the embedded database, over its admin API
 * (src/http/auth/console-routes.ts), with the console secret from the database's lock file.
 */
export function serverConsole(baseUrl: string, secret: string, describe: string): Console {
  const call = async (
    method: 'GET' | 'POST' | 'PUT',
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
    const reason = body.error?.reason;
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
    const query = `file=${encodeURIComponent(file.fileName)}${file.confirm ? `&confirm=${CONFIRM_CREW_CHANGES}` : ''}`;
    const path = `/api/v1/admin/seasons/${encodeURIComponent(id)}/rounds/${round}/${route}?${query}`;
    const response = await call('POST', path, file.bytes.slice(), 'text/csv');
    if (response.ok) return ok((await response.json()) as T);
    const failure = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: { code?: TimingRefusal['code']; message?: string; issues?: string[] } };
    const status = response.status;
    if ((status === 400 || status === 404 || status === 409) && failure.error?.code && failure.error.issues) {
      const { code, message = response.statusText, issues } = failure.error;
      return err({ status, code, message, issues });
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
        .catch(() => ({}))) as Failure & {
        error?: { issues?: SeasonFileIssue[] };
      };
      if (body.error?.code === 'invalid-season-file' && body.error.issues) return err(body.error.issues);
      return unexpected(response);
    },
    exportSeason: async (id) => {
      const response = await call('GET', `/api/v1/admin/seasons/${encodeURIComponent(id)}/season-file`);
      if (response.ok) return ok(await response.text());
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { error?: { known?: string[] } };
      if (response.status === 404 && body.error?.known) return err({ known: body.error.known });
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
        .catch(() => ({}))) as {
        error?: { code?: string; message?: string; issues?: Issue[] };
      };
      const message = failure.error?.message ?? response.statusText;
      if (response.status === 404) return err({ code: 'not-found' as const, message });
      if (response.status === 400)
        return err({ code: 'invalid' as const, message, issues: failure.error?.issues ?? [] });
      return unexpected(response);
    },
    importTimingClassification: (id, round, file) => timing<ClassificationImported>(id, round, 'classification', file),
    importTimingQualifying: (id, round, file) => timing<QualifyingImported>(id, round, 'qualifying', file),
  };
}
