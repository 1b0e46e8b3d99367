import type { Child } from 'hono/jsx';
import { createContext, useContext } from 'hono/jsx';
import { FAVICON_SVG, STYLESHEET } from './assets.ts';
import { seasonName } from './format.ts';
import { seasonPath, standingsPath } from './paths.ts';

/**
 * Where the page being rendered lives: the configured public address (PUBLIC_URL, never the
 * request's Host: pages are stored once and served to everyone) and its canonical path. Set once
 * around every page by the routes (./routes.tsx), read by the layout for its canonical and Open
 * Graph tags.
 */
export interface PageAddress {
  readonly publicUrl: string;
  /** The path with only the query parameters the page reads (`/seasons/x/standings?class=lmp2`). */
  readonly path: string;
}

export const PageAddressContext = createContext<PageAddress | undefined>(undefined);

/** What a page says of itself when it gives no description. */
const DEFAULT_DESCRIPTION =
  'Pitwall: results, standings, title fights and live timing of multi-class endurance racing.';

/** Which item of the main navigation the page belongs to. */
export type NavItem = 'home' | 'season' | 'standings' | 'history' | 'api' | 'none';

export interface LayoutProps {
  readonly title: string;
  readonly description?: string;
  readonly nav: NavItem;
  /** The season the Season and Standings links go to: the page's own, or the latest. */
  readonly seasonId?: string;
  readonly seasonLabel?: string;
  readonly children?: Child;
}

function NavLinks(props: { nav: NavItem; seasonId?: string; seasonLabel?: string }) {
  const items: { key: NavItem; href: string; label: string }[] = [
    { key: 'home', href: '/', label: 'Home' },
    ...(props.seasonId
      ? [
          { key: 'season' as const, href: seasonPath(props.seasonId), label: props.seasonLabel ?? 'Season' },
          { key: 'standings' as const, href: standingsPath(props.seasonId), label: 'Standings' },
        ]
      : []),
    { key: 'history', href: '/history', label: 'History' },
    { key: 'api', href: '/api', label: 'API' },
  ];
  return (
    <ul>
      {items.map((item) => (
        <li>
          <a href={item.href} aria-current={item.key === props.nav ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The page shell. Navigation works without JavaScript: wide screens show the links in a row;
 * phones get a `<details>` menu (only one of the two is displayed, so only one is announced).
 */
export function Layout(props: LayoutProps) {
  const address = useContext(PageAddressContext);
  const canonical = address ? `${address.publicUrl}${address.path}` : undefined;
  const description = props.description ?? DEFAULT_DESCRIPTION;
  const title = `${props.title} · Pitwall`;
  const nav = { ...props, seasonLabel: props.seasonLabel === undefined ? undefined : seasonName(props.seasonLabel) };
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content="Pitwall" />
        <meta property="og:title" content={props.title} />
        <meta property="og:description" content={description} />
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        <link rel="icon" href={FAVICON_SVG.href} type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET.href} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">
              ◆
            </span>{' '}
            Pitwall
          </a>
          <nav aria-label="Main" class="site-nav">
            <div class="nav-wide">
              <NavLinks {...nav} />
            </div>
            <details class="nav-menu">
              <summary>Menu</summary>
              <NavLinks {...nav} />
            </details>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>
            Pitwall — championship office for multi-class endurance racing. Data also as{' '}
            <a href="/api">JSON, CSV and iCal</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
