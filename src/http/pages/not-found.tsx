/** The HTML 404 page: what was not found, and where to go instead. */
import { Layout } from './layout.tsx';

export function NotFoundPage(props: { what: string; seasonId?: string; seasonLabel?: string }) {
  return (
    <Layout title="Not found" nav="none" seasonId={props.seasonId} seasonLabel={props.seasonLabel}>
      <h1>Not found</h1>
      <p>{props.what}</p>
      <p>
        Try the <a href="/">home page</a>, the <a href="/history">series history</a>, or the <a href="/api">API</a>.
      </p>
    </Layout>
  );
}
