import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { formatMoneyCompact } from '../../server/domain/format.js';
import { BarChart, barLayout } from '../../server/web/charts/bar-chart.js';
import { LineChart, lineLayout } from '../../server/web/charts/line-chart.js';
import { labelLines, valueAxis } from '../../server/web/charts/scale.js';

const short = (value: number) => formatMoneyCompact(value, 'vi');
const series = (a: number[], b: number[]) => [
  { label: 'Dư nợ', values: a },
  { label: 'Nợ quá hạn', values: b },
];

describe('the value axis', () => {
  it('rounds the top up to a round step, with ticks from zero', () => {
    expect(valueAxis(1_230_000_000)).toEqual({
      max: 1_250_000_000,
      ticks: [0, 250_000_000, 500_000_000, 750_000_000, 1_000_000_000, 1_250_000_000],
    });
    expect(valueAxis(75_000_000).ticks).toEqual([0, 20_000_000, 40_000_000, 60_000_000, 80_000_000]);
  });

  it('keeps a value that is itself round as the top', () => {
    expect(valueAxis(100_000_000)).toEqual({
      max: 100_000_000,
      ticks: [0, 20_000_000, 40_000_000, 60_000_000, 80_000_000, 100_000_000],
    });
  });

  it('is one tick at zero over an axis of 1 when there is nothing to show', () => {
    expect(valueAxis(0)).toEqual({ max: 1, ticks: [0] });
    expect(valueAxis(-5)).toEqual({ max: 1, ticks: [0] });
  });
});

describe('the bars', () => {
  it('scales each bar to the axis: the largest value reaches its share of the plot', () => {
    const layout = barLayout(['Phường Hòa Bình', 'Xã Tân Lập'], series([80_000_000, 40_000_000], [20_000_000, 0]));
    const [first, second] = layout.groups;
    expect(layout.axis.max).toBe(80_000_000);
    expect(first!.bars[0]!.width).toBeCloseTo(layout.plot.width);
    expect(second!.bars[0]!.width).toBeCloseTo(layout.plot.width / 2);
    expect(first!.bars[1]!.width).toBeCloseTo(layout.plot.width / 4);
    expect(second!.bars[1]!.width).toBe(0);
    expect(layout.ticks.at(-1)!.x).toBeCloseTo(layout.plot.x + layout.plot.width);
  });

  it('puts the groups one below the other, bars inside the plot, never overlapping', () => {
    const layout = barLayout(['A', 'B', 'C'], series([3, 2, 1], [1, 1, 1]));
    const bars = layout.groups.flatMap((group) => group.bars).sort((a, b) => a.y - b.y);
    for (let i = 1; i < bars.length; i++)
      expect(bars[i]!.y).toBeGreaterThanOrEqual(bars[i - 1]!.y + bars[i - 1]!.height);
    expect(bars[0]!.y).toBeGreaterThanOrEqual(layout.plot.y);
    expect(bars.at(-1)!.y + bars.at(-1)!.height).toBeLessThanOrEqual(layout.plot.y + layout.plot.height);
    expect(layout.height).toBeGreaterThan(layout.plot.y + layout.plot.height);
  });

  it('makes room left of the bars for the longest ward name', () => {
    const narrow = barLayout(['A'], series([1], [0]));
    const wide = barLayout(['Phường Nguyễn Trung Trực'], series([1], [0]));
    expect(wide.plot.x).toBeGreaterThan(narrow.plot.x);
    expect(wide.plot.x).toBeGreaterThan(24 * 13 * 0.5);
  });

  it('draws one ward as one group of two bars', () => {
    const layout = barLayout(['Phường Hòa Bình'], series([50_000_000], [5_000_000]));
    expect(layout.groups).toHaveLength(1);
    expect(layout.groups[0]!.bars.map((bar) => bar.value)).toEqual([50_000_000, 5_000_000]);
  });

  it('draws no group and an empty plot for no ward', () => {
    const layout = barLayout([], series([], []));
    expect(layout.groups).toEqual([]);
    expect(layout.plot.height).toBe(0);
    expect(layout.ticks).toEqual([{ value: 0, x: layout.plot.x }]);
  });

  it('keeps every bar on the baseline when all figures are zero', () => {
    const layout = barLayout(['A', 'B'], series([0, 0], [0, 0]));
    expect(layout.groups.flatMap((group) => group.bars).every((bar) => bar.width === 0)).toBe(true);
  });

  it('breaks a long name between words into two lines', () => {
    expect(labelLines('Phường Hòa Bình')).toEqual(['Phường Hòa Bình']);
    expect(labelLines('Thị trấn Thanh Nê huyện Kiến Xương tỉnh Thái Bình')).toEqual([
      'Thị trấn Thanh Nê huyện',
      'Kiến Xương tỉnh Thái Bình',
    ]);
  });
});

describe('the lines', () => {
  const months = ['01/2026', '02/2026', '03/2026', '04/2026'];

  it('spreads the months evenly and puts each value at its height', () => {
    const layout = lineLayout(months, series([0, 50, 100, 100], [0, 0, 10, 20]), short);
    const xs = layout.columns.map((column) => column.x);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(new Set(gaps.map((gap) => gap.toFixed(6))).size).toBe(1);
    const [outstanding] = layout.lines;
    const bottom = layout.plot.y + layout.plot.height;
    expect(outstanding!.points[0]!.y).toBe(bottom);
    expect(outstanding!.points[2]!.y).toBeCloseTo(layout.plot.y);
    expect(outstanding!.points[1]!.y).toBeCloseTo(bottom - layout.plot.height / 2);
    expect(outstanding!.path.startsWith('M')).toBe(true);
    expect(outstanding!.path.match(/L/g)).toHaveLength(3);
  });

  it('puts a single month in the middle of the plot', () => {
    const layout = lineLayout(['12/2026'], series([10], [1]), short);
    expect(layout.columns[0]!.x).toBeCloseTo(layout.plot.x + layout.plot.width / 2);
  });

  it('draws an empty series as no point and no path', () => {
    const layout = lineLayout([], series([], []), short);
    expect(layout.lines.map((line) => [line.points, line.path])).toEqual([
      [[], ''],
      [[], ''],
    ]);
  });

  it('lays every point on the baseline when all figures are zero', () => {
    const layout = lineLayout(months, series([0, 0, 0, 0], [0, 0, 0, 0]), short);
    const bottom = layout.plot.y + layout.plot.height;
    expect(layout.lines.flatMap((line) => line.points).every((point) => point.y === bottom)).toBe(true);
  });
});

describe('the drawn charts', () => {
  const props = {
    id: 'wards',
    title: 'Dư nợ và nợ quá hạn theo phường/xã',
    description: 'Số liệu ở bảng bên dưới.',
    categories: ['Phường Hòa Bình', 'Xã Tân Lập'],
    series: series([1_200_000_000, 850_000_000], [60_000_000, 0]),
    format: short,
  };

  it('is an image named by its title, with the legend and the short amounts', () => {
    const svg = render(h(BarChart, props));
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="wards-title wards-desc"/);
    expect(svg).toContain('<title id="wards-title">Dư nợ và nợ quá hạn theo phường/xã</title>');
    expect(svg).toContain('>Nợ quá hạn</text>');
    expect(svg).toContain('>1,2 tỷ</text>');
    expect(svg).toContain('>850 tr</text>');
    expect(svg).toContain('url(#wards-fill-1)');
  });

  it('draws a line per series with its own dash and marker', () => {
    const svg = render(h(LineChart, { ...props, id: 'months', categories: ['11/2026', '12/2026'] }));
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="7 4"');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    expect(svg.match(/<rect/g)).toHaveLength(3);
  });
});

describe('the short amounts', () => {
  it('writes billions, millions and thousands short, in both languages', () => {
    expect(formatMoneyCompact(1_200_000_000, 'vi')).toBe('1,2 tỷ');
    expect(formatMoneyCompact(850_000_000, 'vi')).toBe('850 tr');
    expect(formatMoneyCompact(1_250_000_000, 'en')).toBe('1.25 bn');
    expect(formatMoneyCompact(45_500, 'en')).toBe('45.5 k');
    expect(formatMoneyCompact(0, 'vi')).toBe('0 đ');
  });
});
