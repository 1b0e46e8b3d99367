import type { Child } from 'hono/jsx';
import type { Official } from '../../domain/officials.ts';
import { PASSWORD_MIN_LENGTH, ROLES } from '../../domain/officials.ts';
import { Layout } from '../pages/layout.tsx';
import { CSRF_FIELD } from './csrf.ts';

/** A form that changes data: every one carries the session's CSRF token. */
export function PostForm(props: { action: string; csrfToken: string; label: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      {props.children}
      <button type="submit" class="button">
        {props.label}
      </button>
    </form>
  );
}

export function AdminHomePage(props: {
  official: Official;
  csrfToken: string;
  seasons?: readonly { id: string; label: string }[];
}) {
  const { official } = props;
  return (
    <Layout title="Race control" nav="none">
      <h1>Race control</h1>
      <p>
        Signed in as <strong>{official.name}</strong> ({official.role}).
      </p>
      <ul>
        {official.role === 'admin' ? (
          <li>
            <a href="/admin/officials">Officials</a>: add and disable accounts
          </li>
        ) : null}
        {(props.seasons ?? []).map((s) => (
          <li>
            <a href={`/admin/seasons/${encodeURIComponent(s.id)}`}>{s.label}</a>: results, decisions, timing imports
          </li>
        ))}
        <li>
          <a href="/">The public site</a>
        </li>
      </ul>
      <PostForm action="/logout" csrfToken={props.csrfToken} label="Sign out" />
    </Layout>
  );
}

export const OFFICIALS_NOTICES = { added: 'Official added.', disabled: 'Official disabled.' } as const;

export interface OfficialsPageProps {
  readonly me: Official;
  readonly officials: readonly Official[];
  readonly csrfToken: string;
  readonly notice?: string;
  readonly error?: string;
  /** What the add form held when it was refused, except the password. */
  readonly draft?: { readonly name: string; readonly role: string };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export function OfficialsPage(props: OfficialsPageProps) {
  return (
    <Layout title="Officials" nav="none">
      <p class="breadcrumbs">
        <a href="/admin">Race control</a> › Officials
      </p>
      <h1>Officials</h1>
      {props.notice ? (
        <p class="note" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="note" role="alert">
          {props.error}
        </p>
      ) : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {props.officials.map((o) => (
              <tr>
                <th scope="row" class="name">
                  {o.name}
                </th>
                <td>{o.role}</td>
                <td>{day(o.createdAt)}</td>
                <td>
                  {o.disabledAt ? (
                    `disabled ${day(o.disabledAt)}`
                  ) : o.id === props.me.id ? (
                    'active (you)'
                  ) : (
                    <PostForm action={`/admin/officials/${o.id}/disable`} csrfToken={props.csrfToken} label="Disable" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add an official</h2>
      <form method="post" action="/admin/officials" class="auth-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <p>
          <label for="official-name">Name</label>
          <br />
          <input id="official-name" name="name" required maxlength={64} value={props.draft?.name ?? ''} />
        </p>
        <p>
          <label for="official-role">Role</label>
          <br />
          <select id="official-role" name="role">
            {ROLES.map((role) => (
              <option value={role} selected={props.draft?.role === role}>
                {role}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="official-password">Password (at least {PASSWORD_MIN_LENGTH} characters)</label>
          <br />
          <input id="official-password" name="password" type="password" autocomplete="new-password" required />
        </p>
        <p>
          <label for="official-password-again">Password again</label>
          <br />
          <input
            id="official-password-again"
            name="passwordAgain"
            type="password"
            autocomplete="new-password"
            required
          />
        </p>
        <p>
          <button type="submit" class="button">
            Add official
          </button>
        </p>
      </form>
    </Layout>
  );
}
