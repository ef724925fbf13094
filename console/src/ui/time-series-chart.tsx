export interface Series {
  name: string;
  /** One value per bucket; null where nothing was measured (the line breaks there). */
  values: (number | null)[];
}

export interface Marker {
  bucket: string;
  label: string;
  /** Said in the chart's description and the table: "version 3 took force on …". */
  description: string;
}

interface TimeSeriesChartProps {
  /** Unique on the page: names the chart's caption. */
  id: string;
  title: string;
  buckets: string[];
  series: Series[];
  markers: Marker[];
  format(value: number | null): string;
  /** The axis' top; defaults to the largest value. */
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 40;
const TOP = 22;
const BOTTOM = 30;
const X_LABELS = 6;
/** Series differ by dash and point shape as well as colour. */
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];

/** A rounded top for the axis: 1, 2 or 5 times a power of ten, at least the largest value. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function Point({ x, y, shape, class: className }: { x: number; y: number; shape: number; class: string }) {
  if (shape % 2 === 1) return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} class={className} />;
  return <circle cx={x} cy={y} r={3.5} class={className} />;
}

/**
 * Lines over time, one per series, with each policy change drawn as a labelled rule across the chart.
 * Drawn by hand in SVG like the simulation's bars; the same numbers are in a table beside it for screen
 * readers and for copying.
 */
export function TimeSeriesChart({ id, title, buckets, series, markers, format, max }: TimeSeriesChartProps) {
  const top = max ?? niceMax(Math.max(0, ...series.flatMap((line) => line.values.map((value) => value ?? 0))));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = buckets.length > 1 ? plotWidth / (buckets.length - 1) : 0;
  const xOf = (index: number) => LEFT + (buckets.length > 1 ? index * step : plotWidth / 2);
  const yOf = (value: number) => TOP + plotHeight - (Math.min(value, top) / top) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(buckets.length / X_LABELS));
  const markersAt = new Map<string, Marker[]>();
  for (const marker of markers) markersAt.set(marker.bucket, [...(markersAt.get(marker.bucket) ?? []), marker]);
  const description = [
    `${title}, ${buckets[0] ?? ''} to ${buckets.at(-1) ?? ''}`,
    ...series.map((line) => {
      const measured = line.values.filter((value): value is number => value !== null);
      return `${line.name}: latest ${format(measured.at(-1) ?? null)}, highest ${format(measured.length ? Math.max(...measured) : null)}`;
    }),
    ...markers.map((marker) => marker.description),
  ].join('. ');

  // A line is drawn through consecutive measured buckets; a gap breaks it.
  const segmentsOf = (values: (number | null)[]) => {
    const segments: string[][] = [[]];
    values.forEach((value, index) => {
      if (value === null) segments.push([]);
      else segments.at(-1)?.push(`${xOf(index).toFixed(1)},${yOf(value).toFixed(1)}`);
    });
    return segments.filter((segment) => segment.length > 1);
  };

  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <p class="legend" aria-hidden="true">
        {series.map((line, index) => (
          <span key={line.name} class="legend-item">
            <svg width="28" height="10" class={`series-${index}`} aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" class="series-line" stroke-dasharray={DASHES[index % DASHES.length]} />
            </svg>{' '}
            {line.name}
          </span>
        ))}
        {markers.length > 0 ? (
          <span class="legend-item">
            <svg width="12" height="12" aria-hidden="true">
              <line x1="6" y1="0" x2="6" y2="12" class="marker-line" />
            </svg>{' '}
            policy change
          </span>
        ) : null}
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} class="chart-svg wide">
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(top * fraction)} y2={yOf(top * fraction)} class="grid-line" />
            <text x={LEFT - 6} y={yOf(top * fraction) + 4} text-anchor="end" class="chart-value">
              {format(top * fraction)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) =>
          // The last bucket is always named; a regular label too close to it is left out.
          (index % labelEvery === 0 && buckets.length - 1 - index >= labelEvery / 2) || index === buckets.length - 1 ? (
            <text key={bucket} x={xOf(index)} y={HEIGHT - 8} text-anchor="middle" class="chart-value">
              {bucket}
            </text>
          ) : null,
        )}
        {buckets.map((bucket, index) => {
          const here = markersAt.get(bucket);
          if (!here) return null;
          // Near the right edge the label reads leftwards from the rule, so that it is not cut off.
          const leftwards = xOf(index) > WIDTH * 0.75;
          return (
            <g key={bucket}>
              <line x1={xOf(index)} x2={xOf(index)} y1={TOP - 4} y2={TOP + plotHeight} class="marker-line" />
              <text
                x={xOf(index) + (leftwards ? -4 : 4)}
                y={TOP - 8}
                text-anchor={leftwards ? 'end' : 'start'}
                class="marker-label"
              >
                {here.map((marker) => marker.label).join(', ')}
              </text>
            </g>
          );
        })}
        {series.map((line, index) => (
          <g key={line.name} class={`series-${index}`}>
            {segmentsOf(line.values).map((segment) => (
              <polyline
                key={segment[0]}
                points={segment.join(' ')}
                class="series-line"
                stroke-dasharray={DASHES[index % DASHES.length]}
              />
            ))}
            {line.values.map((value, at) =>
              value === null ? null : (
                <Point key={buckets[at]} x={xOf(at)} y={yOf(value)} shape={index} class="series-point" />
              ),
            )}
          </g>
        ))}
      </svg>
      <details>
        <summary>The numbers</summary>
        <div class="table-scroll">
          <table class="numbers">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                {series.map((line) => (
                  <th key={line.name} scope="col">
                    {line.name}
                  </th>
                ))}
                <th scope="col">Policy change</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket, index) => (
                <tr key={bucket}>
                  <th scope="row">{bucket}</th>
                  {series.map((line) => (
                    <td key={line.name}>{format(line.values[index] ?? null)}</td>
                  ))}
                  <td>{(markersAt.get(bucket) ?? []).map((marker) => marker.description).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
