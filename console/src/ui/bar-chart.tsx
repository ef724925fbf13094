export interface BarValue {
  label: string;
  value: number;
  /** Shown in the table beside the value, e.g. the count behind a share. */
  detail?: string;
}

interface BarChartProps {
  id: string;
  title: string;
  values: BarValue[];
  format(value: number): string;
  max?: number;
  /** The table's headings: what the bars are, what their values are, and `detail`. */
  labelName: string;
  valueName: string;
  detailName?: string;
}

const LABEL_WIDTH = 150;
const BAR_AREA = 330;
const VALUE_WIDTH = 80;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 28;

/** One horizontal bar per value, hand-drawn like the comparison chart, with its numbers in a table. */
export function BarChart({ id, title, values, format, max, labelName, valueName, detailName }: BarChartProps) {
  const largest = max ?? Math.max(1, ...values.map((value) => value.value));
  const length = (value: number) => Math.max(value > 0 ? 2 : 0, (value / largest) * BAR_AREA);
  const summary = values.map((value) => `${value.label}: ${format(value.value)}`).join('; ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + VALUE_WIDTH} ${values.length * ROW_HEIGHT + 8}`}
        role="img"
        aria-label={`${title}. ${summary}`}
        class="chart-svg"
      >
        {values.map((value, index) => {
          const top = index * ROW_HEIGHT + 4;
          return (
            <g key={value.label}>
              <text x={LABEL_WIDTH - 8} y={top + BAR_HEIGHT - 4} text-anchor="end" class="chart-label">
                {value.label}
              </text>
              <rect x={LABEL_WIDTH} y={top} width={length(value.value)} height={BAR_HEIGHT} class="bar-candidate" />
              <text x={LABEL_WIDTH + length(value.value) + 6} y={top + BAR_HEIGHT - 4} class="chart-value">
                {format(value.value)}
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
              <th scope="col">{labelName}</th>
              <th scope="col">{valueName}</th>
              {detailName ? <th scope="col">{detailName}</th> : null}
            </tr>
          </thead>
          <tbody>
            {values.map((value) => (
              <tr key={value.label}>
                <th scope="row">{value.label}</th>
                <td>{format(value.value)}</td>
                {detailName ? <td>{value.detail ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
