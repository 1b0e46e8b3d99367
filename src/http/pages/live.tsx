/**
 * `/seasons/{id}/rounds/{round}/live`: the live timing and the championship as if the race ended
 * now. The server renders a static shell (no live data: it may be cached like any page); the
 * script (src/live/client/live-page.ts, bundled by ./live-script.ts) follows the event stream and
 * fills it in place. Without JavaScript the page points to the JSON API.
 */
import type { Race, Round, Season } from '../../domain/season.ts';
import { ACO_CLASSIFICATION, describeClassificationRules } from '../../domain/classification-rules.ts';
import { ClassChip } from './badges.tsx';
import { FinishedRace } from './live-finished.tsx';
import { Layout } from './layout.tsx';
import { roundPath, seasonPath } from './paths.ts';
import { seasonTitle } from './standings.tsx';

const seg = encodeURIComponent;

export const livePath = (seasonId: string, round: number) => `${roundPath(seasonId, round)}/live`;
export const liveApiHref = (seasonId: string, round: number) => `/api/v1/seasons/${seg(seasonId)}/rounds/${round}/live`;
export const liveStreamHref = (seasonId: string, round: number) => `${liveApiHref(seasonId, round)}/stream`;

function Waiting() {
  return <p class="live-waiting">Waiting for the timing…</p>;
}

/**
 * The live page. A round already classified is over: the page is then the finish, rendered here
 * from the results (./live-finished.tsx) with no script and no stream, whatever the timing sent.
 */
export function LivePage(props: { season: Season; round: Round; scriptHref: string; race?: Race }) {
  const { season, round } = props;
  if (props.race?.classification) return <FinishedRace season={season} round={round} race={props.race} />;
  const api = liveApiHref(season.id, round.round);
  return (
    <Layout
      title={`Live: ${round.name} — ${seasonTitle(season)}`}
      description={`Live timing and the live championship of ${round.name}.`}
      nav="season"
      seasonId={season.id}
      seasonLabel={season.season}
    >
      <p class="breadcrumbs">
        <a href={seasonPath(season.id)}>{seasonTitle(season)}</a> ›{' '}
        <a href={roundPath(season.id, round.round)}>Round {round.round}</a> › Live
      </p>
      <div id="live" class="live" data-stream={liveStreamHref(season.id, round.round)} data-snapshot={api}>
        <h1>
          Live: <span id="live-name">{round.name}</span>
        </h1>
        <div class="live-header">
          <p id="live-connection" class="live-connection" data-state="connecting" role="status" aria-live="polite">
            Connecting to the timing…
          </p>
          <dl class="live-facts">
            <div>
              <dt>Flag</dt>
              <dd>
                <span id="live-flag" class="live-flag" data-flag="">
                  Not started
                </span>
              </dd>
            </div>
            <div>
              <dt>Race time</dt>
              <dd id="live-time">—</dd>
            </div>
            <div>
              <dt>Leader's laps</dt>
              <dd id="live-laps">—</dd>
            </div>
            <div>
              <dt>Events</dt>
              <dd id="live-events">0</dd>
            </div>
            <div>
              <dt>Refused</dt>
              <dd id="live-refused">0</dd>
            </div>
          </dl>
        </div>
        <p id="live-rule" class="note live-rule">
          {describeClassificationRules(season.classificationRules ?? ACO_CLASSIFICATION)}
        </p>
        <noscript>
          <p class="notice">
            This page follows the race with JavaScript. Without it, read the live view as JSON at{' '}
            <a href={api}>{api}</a>.
          </p>
        </noscript>
        <section class="live-warnings" aria-labelledby="live-warnings-heading">
          <h2 id="live-warnings-heading">Drive-time warnings</h2>
          <p id="live-no-warnings" class="note">
            None.
          </p>
          <ul id="live-warnings" />
        </section>
        <div id="live-classes">
          {season.classes.map((c) => (
            <section class="live-class" data-class={c.id} aria-label={`${c.name}: race and championship`}>
              <h2>
                <ClassChip classId={c.id} /> {c.name}
              </h2>
              <div class="live-panes">
                <div class="live-pane" data-pane="race">
                  <h3>Race</h3>
                  <Waiting />
                </div>
                <div class="live-pane" data-pane="standings">
                  <h3>Championship if the race ended now</h3>
                  <Waiting />
                </div>
              </div>
            </section>
          ))}
        </div>
      </div>
      <script type="module" src={props.scriptHref} />
    </Layout>
  );
}
