import type { Child } from 'hono/jsx';
import { STYLESHEET } from './assets.ts';
import { seasonPath, standingsPath } from './paths.ts';

/** Which item of the main navigation the page belongs to. */
export type NavItem = 'home' | 'season' | 'standings' | 'history' | 'none';

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
  const items: { key: NavItem | 'api'; href: string; label: string }[] = [
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
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${props.title} · Pitwall`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
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
              <NavLinks {...props} />
            </div>
            <details class="nav-menu">
              <summary>Menu</summary>
              <NavLinks {...props} />
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
