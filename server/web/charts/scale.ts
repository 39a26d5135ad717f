/**
 * The charts' geometry, apart from their drawing: a value axis with round ticks, and where each bar, point and
 * label goes. Pure functions, so the unit tests check the numbers a chart is drawn from.
 */

/** A value axis from zero: its top (a round number at or above the largest value) and the ticks up to it. */
export interface ValueAxis {
  max: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/**
 * Round ticks from 0 to at least `largest`, about `count` of them (1, 2, 2.5 or 5 times a power of ten apart).
 * Nothing to show (no value, all zeros, or only negative ones): one tick at 0 over an axis of 1, so every bar
 * and point lies on the baseline and nothing divides by zero.
 */
export function valueAxis(largest: number, count = 5): ValueAxis {
  if (!Number.isFinite(largest) || largest <= 0) return { max: 1, ticks: [0] };
  const raw = largest / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((candidate) => candidate * magnitude >= raw) ?? 10) * magnitude;
  const steps = Math.ceil(largest / step - 1e-9);
  return { max: steps * step, ticks: Array.from({ length: steps + 1 }, (_, i) => Math.round(i * step)) };
}

/** The largest of every series' values (0 when there are none). */
export const largestOf = (series: readonly { values: readonly number[] }[]): number =>
  Math.max(0, ...series.flatMap((one) => one.values));

/** A value's distance from the baseline, on an axis of `length` pixels; negative values stay on the baseline. */
export const scaled = (value: number, axis: ValueAxis, length: number): number =>
  (Math.max(0, value) / axis.max) * length;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How wide a line of text is at the charts' label size, near enough to make room for it (Noto Sans, 13px). */
export const textWidth = (text: string, fontSize = 13): number => [...text].length * fontSize * 0.56;

/**
 * A label cut into at most two lines at spaces, each of at most `chars` characters where the words allow
 * ("Phường Nguyễn Trung Trực" stays one line; a longer name breaks between words rather than running over
 * the bars). A second line that would still be too long ends with an ellipsis.
 */
export function labelLines(label: string, chars = 26): string[] {
  if ([...label].length <= chars) return [label];
  const words = label.split(/\s+/);
  let first = '';
  while (words.length > 1 && [...`${first} ${words[0]}`.trim()].length <= chars)
    first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  if (!rest) return [first];
  return [first, [...rest].length <= chars ? rest : `${[...rest].slice(0, chars - 1).join('')}…`];
}
