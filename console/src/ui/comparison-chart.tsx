export interface ComparedValue {
  label: string;
  current: number;
  candidate: number;
}

interface ComparisonChartProps {
  /** Unique on the page: names the chart's SVG pattern and its caption. */
  id: string;
  title: string;
  values: ComparedValue[];
  format(value: number): string;
  /** The bars' full length; defaults to the largest value. */
  max?: number;
  /** What the two bars are; by default the current policy and the candidate. */
  names?: { current: string; candidate: string };
}

const policyNames = { current: 'current policy', candidate: 'candidate' };

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const LABEL_WIDTH = 150;
const BAR_AREA = 330;
const VALUE_WIDTH = 80;
const BAR_HEIGHT = 14;
const ROW_HEIGHT = 44;

/**
 * Horizontal bars, current above candidate for each value. Drawn by hand in SVG: a chart library
 * would be most of the bundle. Current and candidate differ by pattern as well as colour, and the
 * same numbers are in a table for screen readers and for copying.
 */
export function ComparisonChart({ id, title, values, format, max, names = policyNames }: ComparisonChartProps) {
  const largest = max ?? Math.max(1, ...values.flatMap((value) => [value.current, value.candidate]));
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = values.length * ROW_HEIGHT + 8;
  const length = (value: number) => (largest > 0 ? Math.max(value > 0 ? 2 : 0, (value / largest) * BAR_AREA) : 0);
  const summary = values
    .map(
      (value) =>
        `${value.label}: ${format(value.current)} ${names.current}, ${format(value.candidate)} ${names.candidate}`,
    )
    .join('; ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <p class="legend" aria-hidden="true">
        <span class="swatch swatch-current" /> {names.current} <span class="swatch swatch-candidate" />{' '}
        {names.candidate}
      </p>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${summary}`} class="chart-svg">
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="bar-current-bg" />
            <line x1="0" y1="0" x2="0" y2="6" class="bar-current-line" stroke-width="3" />
          </pattern>
        </defs>
        {values.map((value, index) => {
          const top = index * ROW_HEIGHT + 4;
          return (
            <g key={value.label}>
              <text x={LABEL_WIDTH - 8} y={top + BAR_HEIGHT + 4} text-anchor="end" class="chart-label">
                {value.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={top}
                width={length(value.current)}
                height={BAR_HEIGHT}
                fill={`url(#${id}-hatch)`}
              />
              <text x={LABEL_WIDTH + length(value.current) + 6} y={top + BAR_HEIGHT - 3} class="chart-value">
                {format(value.current)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={top + BAR_HEIGHT + 4}
                width={length(value.candidate)}
                height={BAR_HEIGHT}
                class="bar-candidate"
              />
              <text x={LABEL_WIDTH + length(value.candidate) + 6} y={top + 2 * BAR_HEIGHT + 1} class="chart-value">
                {format(value.candidate)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>The numbers</summary>
        <table class="numbers">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">{capitalized(names.current)}</th>
              <th scope="col">{capitalized(names.candidate)}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => (
              <tr key={value.label}>
                <th scope="row">{value.label}</th>
                <td>{format(value.current)}</td>
                <td>{format(value.candidate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
