import { Layout } from '../pages/layout.tsx';
import { CSRF_FIELD } from './csrf.ts';

export interface LoginPageProps {
  readonly csrfToken: string;
  readonly next: string;
  /** The name typed last time, so a wrong password need not retype it. */
  readonly name?: string;
  readonly message?: string;
  /** Already signed in: say as whom, and offer the way on. */
  readonly signedInAs?: string;
}

/** The sign-in form for officials. Works without JavaScript. */
export function LoginPage(props: LoginPageProps) {
  return (
    <Layout title="Sign in" nav="none">
      <h1>Sign in to race control</h1>
      {props.signedInAs ? (
        <p class="note">
          You are signed in as {props.signedInAs}. Go to <a href="/admin">race control</a>.
        </p>
      ) : null}
      {props.message ? (
        <p class="note" role="alert">
          {props.message}
        </p>
      ) : null}
      <form method="post" action="/login" class="auth-form">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <p>
          <label for="login-name">Name</label>
          <br />
          <input
            id="login-name"
            name="name"
            autocomplete="username"
            required
            maxlength={64}
            value={props.name ?? ''}
            autofocus={!props.name}
          />
        </p>
        <p>
          <label for="login-password">Password</label>
          <br />
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            autofocus={Boolean(props.name)}
          />
        </p>
        <p>
          <button type="submit" class="button">
            Sign in
          </button>
        </p>
      </form>
      <p>
        Only officials sign in here; the <a href="/">results and standings</a> are public.
      </p>
    </Layout>
  );
}
