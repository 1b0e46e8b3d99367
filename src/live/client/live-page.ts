/**
 * The live page in the browser (bundled by src/http/pages/live-script.ts): follows the round's
 * Server-Sent Events stream, keeps the live view with the same JSON Merge Patch module the server
 * makes the deltas with (../delta.ts), and renders it in place into the shell the server rendered
 * (src/http/pages/live.tsx): rows keyed by car and by standings key are moved, not rebuilt, and
 * a cell is written only when what it shows changes. At most one render per animation frame.
 */
import type { Json } from '../delta.ts';
import { applyDelta, fromSnapshot } from '../delta.ts';
import type { LiveCar, LiveStandingsRow, LiveTable, LiveView } from '../view.ts';
import { toneClasses } from '../../browser/class-tones.ts';
import type { Column } from './keyed-table.ts';
import { KeyedTable, span } from './keyed-table.ts';
import * as format from './format.ts';

type Connection = 'connecting' | 'live' | 'finished' | 'reconnecting' | 'offline';

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting to the timing…',
  live: 'Live',
  // After the chequered flag: the stream is still open, but the race is over.
  finished: 'Finished',
  reconnecting: 'Connection lost: reconnecting…',
  offline: 'Offline: retrying…',
};

const KINDS = ['teams', 'drivers'] as const;
type Kind = (typeof KINDS)[number];

/** The sectors of the last lap, marked as the class's best (purple) or the car's own best (green). */
function sectorsCell(car: LiveCar, classBest: readonly (number | null)[]) {
  const marks = car.sectorsMs.map((ms, i) => {
    if (ms === null || ms === undefined) return '';
    if (ms === classBest[i]) return 'cb';
    if (ms === car.bestSectorsMs[i]) return 'pb';
    return '';
  });
  return {
    key: `${car.sectorsMs.join(',')}|${marks.join(',')}`,
    build: (td: HTMLTableCellElement) => {
      car.sectorsMs.forEach((ms, i) => {
        const mark = marks[i];
        const text = format.lapTime(ms);
        td.append(span(text, mark ? `sector sector-${mark}` : 'sector'));
        if (mark) td.append(span(mark === 'cb' ? ' (class best)' : ' (personal best)', 'visually-hidden'));
      });
    },
  };
}

function statusOf(car: LiveCar, final: boolean): { text: string; className: string } {
  if (car.status === 'Classified') {
    if (final) return { text: 'Classified', className: 'status-classified' };
    return car.inPit ? { text: 'In pit', className: 'status-pit' } : { text: 'Running', className: 'status-running' };
  }
  return { text: car.status, className: `status-${car.status.toLowerCase()}` };
}

function carNumber(car: string, classId: string) {
  return {
    key: `${car}|${classId}`,
    build: (td: HTMLTableCellElement) => td.append(span(`#${car}`, `car-number ${toneClasses(classId)}`)),
  };
}

/** One class: its race classification beside its live championship (teams or drivers). */
class ClassPanes {
  private readonly race: KeyedTable<LiveCar>;
  private readonly tables: Record<Kind, KeyedTable<LiveStandingsRow>>;
  private readonly wrappers: Record<Kind, HTMLElement>;
  private readonly title: HTMLParagraphElement;
  private readonly buttons: Record<Kind, HTMLButtonElement>;
  private kind: Kind = 'teams';
  private classBest: readonly (number | null)[] = [];
  private classBestLap = 0;
  private final = false;
  private latest: LiveView | undefined;

  constructor(
    readonly section: HTMLElement,
    private readonly classId: string,
    className: string,
  ) {
    const racePane = pane(section, 'race');
    const standingsPane = pane(section, 'standings');
    this.race = new KeyedTable<LiveCar>(
      this.raceColumns(),
      (car) => car.car,
      'data-car',
      `${className}: race classification`,
      'live-table live-race',
    );
    racePane.replaceChildren(scroller(`${className} race classification`, this.race.table));

    this.title = document.createElement('p');
    this.title.className = 'live-title';
    const group = document.createElement('div');
    group.className = 'live-kinds';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Championship table');
    this.buttons = {} as Record<Kind, HTMLButtonElement>;
    this.tables = {} as Record<Kind, KeyedTable<LiveStandingsRow>>;
    this.wrappers = {} as Record<Kind, HTMLElement>;
    for (const kind of KINDS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = kind === 'teams' ? 'Teams' : 'Drivers';
      button.dataset.kind = kind;
      button.addEventListener('click', () => this.show(kind));
      group.append(button);
      this.buttons[kind] = button;
      const label = `${className} ${kind} championship if the race ended now`;
      this.tables[kind] = new KeyedTable<LiveStandingsRow>(
        standingsColumns(kind),
        (row) => row.key,
        'data-key',
        label,
        `live-table live-standings live-${kind}`,
      );
      this.wrappers[kind] = scroller(label, this.tables[kind].table);
    }
    standingsPane.replaceChildren(group, this.title, this.wrappers.teams, this.wrappers.drivers);
    this.show('teams');
  }

  private show(kind: Kind): void {
    this.kind = kind;
    for (const k of KINDS) {
      this.buttons[k].setAttribute('aria-pressed', String(k === kind));
      this.wrappers[k].hidden = k !== kind;
    }
    if (this.latest) this.update(this.latest);
  }

  private raceColumns(): Column<LiveCar>[] {
    return [
      { header: 'Pos', abbr: 'Position in class', className: 'pos', cell: (c) => String(c.classPosition) },
      { header: 'Car', className: 'car', cell: (c) => carNumber(c.car, c.class) },
      { header: 'Team', className: 'team', rowHeader: true, cell: (c) => c.team },
      { header: 'Driver', className: 'driver', cell: (c) => c.driver },
      { header: 'Laps', className: 'num', cell: (c) => String(c.laps) },
      {
        header: 'Gap',
        abbr: 'Gap to the class leader',
        className: 'num',
        cell: (c) => (c.classPosition === 1 ? '—' : format.gap(c.classGapLaps, c.classGapMs)),
      },
      {
        header: 'Int.',
        abbr: 'Interval to the car ahead in the class',
        className: 'num',
        cell: (c) => (c.classPosition === 1 ? '—' : format.gap(c.intervalLaps, c.intervalMs)),
      },
      { header: 'Last lap', className: 'num', cell: (c) => format.lapTime(c.lastLapMs) },
      {
        header: 'Best lap',
        className: 'num',
        cell: (c) => {
          const best = c.bestLapMs > 0 && c.bestLapMs === this.classBestLap;
          const text = format.lapTime(c.bestLapMs);
          return { key: `${text}|${best}`, text, className: best ? 'lap-cb' : '', title: best ? 'Class best lap' : '' };
        },
      },
      {
        header: 'Sectors',
        abbr: 'Sectors of the last lap',
        className: 'sectors',
        cell: (c) => sectorsCell(c, this.classBest),
      },
      { header: 'Pits', abbr: 'Pit stops', className: 'num', cell: (c) => String(c.pitStops) },
      {
        header: 'Drive',
        abbr: "Current driver's drive time",
        className: 'num',
        cell: (c) => format.clock(c.driveTimeMs),
      },
      {
        header: 'Status',
        className: 'status',
        cell: (c) => {
          const status = statusOf(c, this.final);
          return { key: status.text, text: status.text, className: status.className };
        },
      },
    ];
  }

  update(view: LiveView): void {
    this.latest = view;
    this.final = view.race.final;
    this.classBest = view.bestSectors[this.classId] ?? [];
    const cars = Object.values(view.cars)
      .filter((car) => car.class === this.classId)
      .sort((a, b) => a.classPosition - b.classPosition || a.position - b.position);
    this.classBestLap = Math.min(...cars.map((c) => (c.bestLapMs > 0 ? c.bestLapMs : Infinity)));
    this.race.update(cars);
    for (const kind of KINDS) {
      const table: LiveTable | undefined = view.standings[`${this.classId}/${kind}`];
      const rows = Object.values(table?.rows ?? {}).sort((a, b) => a.position - b.position);
      this.tables[kind].update(rows);
      if (kind === this.kind) setText(this.title, table ? format.titleLine(table, this.final) : '');
    }
  }
}

function standingsColumns(kind: Kind): Column<LiveStandingsRow>[] {
  return [
    { header: 'Pos', abbr: 'Position', className: 'pos', cell: (r) => String(r.position) },
    {
      header: '±',
      abbr: 'Places gained or lost in this race',
      className: 'change',
      cell: (r) => ({
        key: String(r.change),
        text: format.change(r.change),
        title: format.changeLabel(r.change),
        className: r.change > 0 ? 'change-up' : r.change < 0 ? 'change-down' : 'change-same',
      }),
    },
    {
      header: kind === 'teams' ? 'Team' : 'Driver',
      className: 'name',
      rowHeader: true,
      cell: (r) => ({
        key: `${r.label}|${r.cars.join(',')}`,
        build: (th) => {
          th.append(r.label);
          for (const car of r.cars) th.append(' ', span(`#${car}`, 'live-car-ref'));
        },
      }),
    },
    { header: 'Points', className: 'points', cell: (r) => format.points(r.points) },
    { header: 'Before', abbr: 'Points before this race', className: 'num', cell: (r) => format.points(r.pointsBefore) },
  ];
}

function pane(section: HTMLElement, name: string): HTMLElement {
  let element = section.querySelector<HTMLElement>(`[data-pane="${name}"]`);
  if (!element) {
    element = document.createElement('div');
    element.className = 'live-pane';
    element.dataset.pane = name;
    let panes = section.querySelector('.live-panes');
    if (!panes) {
      panes = document.createElement('div');
      panes.className = 'live-panes';
      section.append(panes);
    }
    panes.append(element);
  }
  return element;
}

function scroller(label: string, table: HTMLTableElement): HTMLElement {
  const div = document.createElement('div');
  div.className = 'table-scroll';
  div.setAttribute('role', 'region');
  div.setAttribute('aria-label', label);
  div.tabIndex = 0;
  div.append(table);
  return div;
}

function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** The whole page: header, warnings, and the panes of each class. */
class LivePage {
  private view: LiveView | undefined;
  private frame = 0;
  private readonly classes = new Map<string, ClassPanes>();

  constructor(private readonly root: HTMLElement) {}

  private eventId = '';

  snapshot(view: LiveView, eventId: string): void {
    // Read as the deltas will leave it: null fields absent (src/live/delta.ts).
    this.view = fromSnapshot(view as unknown as Json) as unknown as LiveView;
    this.eventId = eventId;
    this.schedule();
  }

  delta(patch: Json, eventId: string): void {
    if (!this.view) return; // a delta before any snapshot cannot be applied; the stream starts with one
    this.view = applyDelta(this.view as unknown as Json, patch) as unknown as LiveView;
    this.eventId = eventId;
    this.schedule();
  }

  connection(given: Connection): void {
    const state = given === 'live' && this.view?.race.final ? 'finished' : given;
    const element = this.root.querySelector<HTMLElement>('#live-connection');
    if (!element || element.dataset.state === state) return;
    element.dataset.state = state;
    element.textContent = CONNECTION_TEXT[state];
  }

  private schedule(): void {
    if (this.frame) return;
    // requestAnimationFrame does not run in a background tab: a timer then keeps the view current.
    const run = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(timer);
      this.frame = 0;
      this.render();
    };
    const timer = setTimeout(run, 250);
    this.frame = requestAnimationFrame(run);
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const { race } = view;
    const flag = this.root.querySelector<HTMLElement>('#live-flag');
    if (flag && flag.dataset.flag !== (race.flag ?? '')) {
      flag.dataset.flag = race.flag ?? '';
      flag.textContent = format.flagName(race.flag);
    }
    setText(this.root.querySelector('#live-name'), race.name);
    setText(this.root.querySelector('#live-rule'), race.classificationRule);
    setText(this.root.querySelector('#live-time'), format.clock(race.elapsedMs));
    setText(this.root.querySelector('#live-laps'), String(race.leaderLaps));
    setText(this.root.querySelector('#live-events'), race.events.toLocaleString('en'));
    const refused = Object.entries(race.rejected);
    const refusedTotal = refused.reduce((sum, [, n]) => sum + n, 0);
    const refusedElement = this.root.querySelector<HTMLElement>('#live-refused');
    setText(refusedElement, refusedTotal.toLocaleString('en'));
    if (refusedElement) refusedElement.title = refused.map(([reason, n]) => `${reason}: ${n}`).join(', ');
    this.renderWarnings(view);
    const container = this.root.querySelector<HTMLElement>('#live-classes');
    for (const { id, name } of race.classes) {
      let panes = this.classes.get(id);
      if (!panes) {
        let section = [...(container?.querySelectorAll<HTMLElement>('[data-class]') ?? [])].find(
          (s) => s.dataset.class === id,
        );
        if (!section) {
          section = document.createElement('section');
          section.className = 'live-class';
          section.dataset.class = id;
          const h2 = document.createElement('h2');
          h2.append(span(id, `class-chip ${toneClasses(id)}`), ` ${name}`);
          section.append(h2);
          container?.append(section);
        }
        panes = new ClassPanes(section, id, name);
        this.classes.set(id, panes);
      }
      panes.update(view);
    }
    // The frame shown, for anyone (a test, a screen reader's user script) waiting for it.
    this.root.dataset.eventId = this.eventId;
    this.root.dataset.events = String(race.events);
    this.root.dataset.final = String(race.final);
    if (race.final) this.connection('live');
  }

  private warnings = new Map<string, HTMLLIElement>();

  private renderWarnings(view: LiveView): void {
    const list = this.root.querySelector<HTMLElement>('#live-warnings');
    if (!list) return;
    const entries = Object.entries(view.warnings).sort(([a], [b]) => a.localeCompare(b));
    for (const [key, w] of entries) {
      let item = this.warnings.get(key);
      if (!item) {
        item = document.createElement('li');
        this.warnings.set(key, item);
      }
      const text = `#${w.car} ${w.driver}: ${format.ruleName(w.rule)} ${format.clock(w.actualMs)} of at most ${format.clock(w.limitMs)} — ${w.level}`;
      setText(item, text);
      item.className = `warning warning-${w.level}`;
      list.append(item); // appending an element already in place keeps the order and the node
    }
    for (const [key, item] of this.warnings) {
      if (!(key in view.warnings)) {
        item.remove();
        this.warnings.delete(key);
      }
    }
    const none = this.root.querySelector<HTMLElement>('#live-no-warnings');
    if (none) none.hidden = entries.length > 0;
  }
}

/**
 * Follows the stream. EventSource reconnects by itself (sending Last-Event-ID); when it gives up
 * (the server answered with an error), a new one is opened after a pause, from the last event seen.
 */
function connect(page: LivePage, streamUrl: string): void {
  let lastEventId = '';
  let retryMs = 1000;
  const open = () => {
    const url = lastEventId
      ? `${streamUrl}${streamUrl.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`
      : streamUrl;
    const source = new EventSource(url);
    const remember = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      retryMs = 1000;
      page.connection(navigator.onLine === false ? 'offline' : 'live');
    };
    source.addEventListener('open', () => page.connection('live'));
    source.addEventListener('snapshot', (event: MessageEvent<string>) => {
      page.snapshot(JSON.parse(event.data) as LiveView, event.lastEventId);
      remember(event);
    });
    source.addEventListener('delta', (event: MessageEvent<string>) => {
      page.delta(JSON.parse(event.data) as Json, event.lastEventId);
      remember(event);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        page.connection('offline');
        setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      } else page.connection('reconnecting');
    });
  };
  window.addEventListener('offline', () => page.connection('offline'));
  open();
}

const root = document.getElementById('live');
const stream = root?.dataset.stream;
if (root && stream) {
  const page = new LivePage(root);
  page.connection('connecting');
  connect(page, stream);
}
