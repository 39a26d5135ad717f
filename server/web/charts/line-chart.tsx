/**
 * Lines over the months, one per series (outstanding, overdue), each with its own dash and marker shape so the
 * lines part without colour. Drawn as SVG on the server; the table beside it holds the same numbers.
 */
import { Fragment } from 'preact';
import type { ChartProps } from './bar-chart.js';
import { Legend, Marker } from './chart-parts.js';
import { largestOf, scaled, textWidth, valueAxis, type Box, type ValueAxis } from './scale.js';
import { AXIS, GRID, INK, styleOf } from './series-styles.js';

export interface LineLayout {
  width: number;
  height: number;
  plot: Box;
  axis: ValueAxis;
  ticks: { value: number; y: number }[];
  /** Each category's place along the bottom (the middle of its slot, so one month sits in the middle). */
  columns: { label: string; x: number }[];
  lines: { series: number; points: { x: number; y: number; value: number }[]; path: string }[];
}

const TOP = 44;
const BOTTOM = 36;
const RIGHT = 16;
const PLOT_HEIGHT = 230;

/** Where every point, tick and label of the chart goes; `format` gives the ticks' text, to make room for it. */
export function lineLayout(
  categories: readonly string[],
  series: readonly ChartSeries[],
  format: (value: number) => string,
  width = 760,
): LineLayout {
  const axis = valueAxis(largestOf(series));
  const gutter = Math.max(...axis.ticks.map((value) => textWidth(format(value), 12))) + 14;
  const plot = { x: gutter, y: TOP, width: width - gutter - RIGHT, height: PLOT_HEIGHT };
  const slot = categories.length === 0 ? 0 : plot.width / categories.length;
  const columns = categories.map((label, index) => ({ label, x: plot.x + (index + 0.5) * slot }));
  const yOf = (value: number) => plot.y + plot.height - scaled(value, axis, plot.height);
  const lines = series.map((one, s) => {
    const points = columns.map((column, index) => {
      const value = one.values[index] ?? 0;
      return { x: column.x, y: yOf(value), value };
    });
    const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join('');
    return { series: s, points, path };
  });
  return {
    width,
    height: plot.y + plot.height + BOTTOM,
    plot,
    axis,
    ticks: axis.ticks.map((value) => ({ value, y: yOf(value) })),
    columns,
    lines,
  };
}

const round = (value: number): number => Math.round(value * 10) / 10;

type ChartSeries = ChartProps['series'][number];

export function LineChart(props: ChartProps) {
  const layout = lineLayout(props.categories, props.series, props.format);
  const { plot } = layout;
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      font-family="'Noto Sans', sans-serif"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <Legend id={props.id} x={plot.x} y={18} entries={props.series.map(({ label }) => ({ label, kind: 'line' }))} />
      {layout.ticks.map((tick) => (
        <Fragment key={tick.value}>
          <line x1={plot.x} y1={tick.y} x2={plot.x + plot.width} y2={tick.y} stroke={GRID} stroke-width="1" />
          <text x={plot.x - 8} y={tick.y} text-anchor="end" dominant-baseline="central" font-size="12" fill={INK}>
            {props.format(tick.value)}
          </text>
        </Fragment>
      ))}
      {layout.columns.map((column) => (
        <text
          key={column.label}
          x={column.x}
          y={plot.y + plot.height + 20}
          text-anchor="middle"
          font-size="12"
          fill={INK}
        >
          {column.label}
        </text>
      ))}
      <line x1={plot.x} y1={plot.y} x2={plot.x} y2={plot.y + plot.height} stroke={AXIS} stroke-width="1" />
      <line
        x1={plot.x}
        y1={plot.y + plot.height}
        x2={plot.x + plot.width}
        y2={plot.y + plot.height}
        stroke={AXIS}
        stroke-width="1.5"
      />
      {layout.lines.map((line) => {
        const style = styleOf(line.series);
        return (
          <g key={line.series}>
            {line.points.length > 1 ? (
              <path
                d={line.path}
                fill="none"
                stroke={style.colour}
                stroke-width="2.5"
                stroke-dasharray={style.dash || undefined}
                stroke-linejoin="round"
              />
            ) : null}
            {line.points.map((point) => (
              <Marker key={point.x} style={style} x={point.x} y={point.y} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
