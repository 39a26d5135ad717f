/**
 * Grouped horizontal bars, one group per category (a ward) and one bar per series (outstanding, overdue):
 * horizontal, so a ward's full Vietnamese name reads on one line to the left of its bars. Drawn as SVG on the
 * server; the table beside it holds the same numbers.
 */
import { Fragment } from 'preact';
import { Legend, Patterns, fillOf } from './chart-parts.js';
import { labelLines, largestOf, scaled, textWidth, valueAxis, type Box, type ValueAxis } from './scale.js';
import { AXIS, GRID, INK, styleOf } from './series-styles.js';

export interface ChartSeries {
  label: string;
  /** One value per category, in the categories' order. */
  values: readonly number[];
}

export interface BarLayout {
  width: number;
  height: number;
  /** The area the bars grow in, from its left edge (zero). */
  plot: Box;
  axis: ValueAxis;
  ticks: { value: number; x: number }[];
  groups: { lines: string[]; labelY: number; bars: (Box & { value: number; series: number })[] }[];
}

const BAR = 16;
const BAR_GAP = 3;
const GROUP_GAP = 16;
const TOP = 44;
const BOTTOM = 34;
/** Room right of the longest bar for its value's label. */
const VALUE_ROOM = 72;
const LINE_HEIGHT = 15;

/** Where every bar, tick and label of the chart goes, for `width` pixels across. */
export function barLayout(categories: readonly string[], series: readonly ChartSeries[], width = 760): BarLayout {
  const lines = categories.map((category) => labelLines(category));
  const longest = Math.max(0, ...lines.flat().map((line) => textWidth(line)));
  const gutter = Math.min(Math.max(longest, 60), width * 0.4) + 14;
  const groupHeight = Math.max(series.length * BAR + Math.max(0, series.length - 1) * BAR_GAP, 2 * LINE_HEIGHT);
  const plot = {
    x: gutter,
    y: TOP,
    width: Math.max(width - gutter - VALUE_ROOM, 40),
    height: categories.length * (groupHeight + GROUP_GAP) + (categories.length === 0 ? 0 : GROUP_GAP),
  };
  const axis = valueAxis(largestOf(series));
  const groups = categories.map((_, index) => {
    const top = plot.y + GROUP_GAP + index * (groupHeight + GROUP_GAP);
    const barsTop = top + (groupHeight - (series.length * BAR + (series.length - 1) * BAR_GAP)) / 2;
    return {
      lines: lines[index]!,
      labelY: top + groupHeight / 2 - ((lines[index]!.length - 1) * LINE_HEIGHT) / 2,
      bars: series.map((one, s) => ({
        x: plot.x,
        y: barsTop + s * (BAR + BAR_GAP),
        width: scaled(one.values[index] ?? 0, axis, plot.width),
        height: BAR,
        value: one.values[index] ?? 0,
        series: s,
      })),
    };
  });
  return {
    width,
    height: plot.y + plot.height + BOTTOM,
    plot,
    axis,
    ticks: axis.ticks.map((value) => ({ value, x: plot.x + scaled(value, axis, plot.width) })),
    groups,
  };
}

export interface ChartProps {
  /** Prefix of the chart's element ids; unique on the page. */
  id: string;
  title: string;
  /** One sentence for screen readers: what the chart shows and where its table is. */
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** An axis tick or a bar's value, short ("1,2 tỷ"). */
  format: (value: number) => string;
}

export function BarChart(props: ChartProps) {
  const layout = barLayout(props.categories, props.series);
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
      <Patterns id={props.id} />
      <Legend id={props.id} x={plot.x} y={18} entries={props.series.map(({ label }) => ({ label, kind: 'bar' }))} />
      {layout.ticks.map((tick) => (
        <Fragment key={tick.value}>
          <line x1={tick.x} y1={plot.y} x2={tick.x} y2={plot.y + plot.height} stroke={GRID} stroke-width="1" />
          <text x={tick.x} y={plot.y + plot.height + 20} text-anchor="middle" font-size="12" fill={INK}>
            {props.format(tick.value)}
          </text>
        </Fragment>
      ))}
      {layout.groups.map((group, index) => (
        <g key={`${index}-${group.lines.join(' ')}`}>
          <text
            x={plot.x - 10}
            y={group.labelY}
            text-anchor="end"
            dominant-baseline="central"
            font-size="13"
            fill={INK}
          >
            {group.lines.map((line, n) => (
              <tspan key={line} x={plot.x - 10} dy={n === 0 ? 0 : LINE_HEIGHT}>
                {line}
              </tspan>
            ))}
          </text>
          {group.bars.map((bar) => (
            <Fragment key={bar.series}>
              <rect
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill={fillOf(props.id, bar.series)}
                stroke={styleOf(bar.series).colour}
                stroke-width={bar.width > 0 ? 1.5 : 0}
              />
              <text
                x={bar.x + bar.width + 6}
                y={bar.y + bar.height / 2}
                dominant-baseline="central"
                font-size="12"
                fill={INK}
              >
                {props.format(bar.value)}
              </text>
            </Fragment>
          ))}
        </g>
      ))}
      <line x1={plot.x} y1={plot.y} x2={plot.x} y2={plot.y + plot.height} stroke={AXIS} stroke-width="1.5" />
      <line
        x1={plot.x}
        y1={plot.y + plot.height}
        x2={plot.x + plot.width}
        y2={plot.y + plot.height}
        stroke={AXIS}
        stroke-width="1"
      />
    </svg>
  );
}
