/**
 * A page made outside the portal's routes (the API reference, ../api/reference-page.ts) in the
 * site's layout: the same header, navigation, `<main>`, stylesheet, icon and meta tags as every
 * page, with its body given as HTML already escaped by its maker.
 */
import { raw } from 'hono/html';
import type { Season } from '../../domain/season.ts';
import type { NavItem } from './layout.tsx';
import { Layout, PageAddressContext } from './layout.tsx';

export interface SiteDocument {
  readonly title: string;
  readonly description: string;
  readonly nav: NavItem;
  /** The page's path, for its canonical address under `publicUrl`. */
  readonly path: string;
  readonly publicUrl: string;
  /** The latest season, for the navigation's Season and Standings links. */
  readonly season?: Season;
  /** The page's content, escaped HTML (hono/html's `html` tag makes it so). */
  readonly body: string;
}

export async function siteDocument(page: SiteDocument): Promise<string> {
  const element = (
    <PageAddressContext.Provider value={{ publicUrl: page.publicUrl, path: page.path }}>
      <Layout
        title={page.title}
        description={page.description}
        nav={page.nav}
        seasonId={page.season?.id}
        seasonLabel={page.season?.season}
      >
        {raw(page.body)}
      </Layout>
    </PageAddressContext.Provider>
  );
  return `<!doctype html>${(await element).toString()}`;
}
