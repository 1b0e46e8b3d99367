import { Layout } from '../pages/layout.tsx';

/** An HTML refusal: forbidden for this role, or a form that failed its CSRF check. */
export function RefusedPage(props: { title: string; message: string }) {
  return (
    <Layout title={props.title} nav="none">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        Back to <a href="/admin">race control</a> or the <a href="/">public site</a>.
      </p>
    </Layout>
  );
}
