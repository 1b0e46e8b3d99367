/**
 * Draws the progression chart that `chart.ts` lays out, as inline SVG rendered on the server.
 * Lines differ by colour and by dash pattern, so they can be told apart without colour; the
 * legend under the chart is HTML, readable at any width.
 */
import type { ChartInput } from './chart.ts';
import { layoutChart } from './chart.ts';
import { formatPoints } from './format.ts';

// Dash patterns by line index, so that colour is never the only difference.
const DASHES = ['', '7 4', '2 3', '9 3 2 3', '4 4', '1 2'];
const SERIES_COLOURS = 6;

export function ProgressionChart(props: { id: string; title: string; input: ChartInput }) {
  const layout = layoutChart(props.input);
  const { plot } = layout;
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const description = layout.lines.map((l) => `${l.label}: ${formatPoints(l.total)} points`).join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        class="chart-svg"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{description}</desc>
        <g class="chart-grid">
          {layout.yTicks.map((t) => (
            <g>
              <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
              <text x={plot.left - 6} y={t.y} dy="0.32em" text-anchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {layout.xTicks.map((t) => (
            <text x={t.x} y={plot.bottom + 18} text-anchor="middle">
              {t.label}
            </text>
          ))}
        </g>
        {layout.lines.map((line) => (
          <g class={`chart-series series-${line.index % SERIES_COLOURS}`}>
            <title>{`${line.label}: ${formatPoints(line.total)} points`}</title>
            <path d={line.path} stroke-dasharray={DASHES[line.index % DASHES.length] || undefined} />
            {line.points.map((p) => (
              <circle cx={p.x} cy={p.y} r="3" />
            ))}
            <text x={line.tagAt.x} y={line.tagAt.y} dy="0.32em">
              {line.tag}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span class="chart-caption">{props.title}</span>
        <ul class="chart-legend">
          {layout.lines.map((line) => (
            <li>
              <svg class={`legend-swatch series-${line.index % SERIES_COLOURS}`} viewBox="0 0 28 10" aria-hidden="true">
                <line x1="1" x2="27" y1="5" y2="5" stroke-dasharray={DASHES[line.index % DASHES.length] || undefined} />
              </svg>
              <strong>{line.tag}</strong> {line.label} — {formatPoints(line.total)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
