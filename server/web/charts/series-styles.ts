/**
 * How each series is drawn, by its place in the chart: a colour with at least 4.5:1 contrast on white, and
 * a second cue that needs no colour (a fill pattern for bars, a dash and a marker shape for lines), so the
 * charts read in greyscale print and for readers who do not tell the colours apart. Blue and orange are the
 * pair most colour-vision differences keep apart.
 */
export interface SeriesStyle {
  colour: string;
  /** Bars: a solid fill, or stripes of the colour over white. */
  fill: 'solid' | 'stripes' | 'dots' | 'checks';
  /** Lines: the stroke's dash pattern ('' for a solid line). */
  dash: string;
  marker: 'circle' | 'square' | 'triangle' | 'diamond';
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0b4f9c', fill: 'solid', dash: '', marker: 'circle' },
  { colour: '#b04a00', fill: 'stripes', dash: '7 4', marker: 'square' },
  { colour: '#00654a', fill: 'dots', dash: '2 3', marker: 'triangle' },
  { colour: '#6b2c91', fill: 'checks', dash: '9 3 2 3', marker: 'diamond' },
];

export const styleOf = (index: number): SeriesStyle => SERIES_STYLES[index % SERIES_STYLES.length]!;

/** The ink of the charts' text and axes, and the light grid behind them. */
export const INK = '#1b1b1b';
export const AXIS = '#595959';
export const GRID = '#d9d9d9';
