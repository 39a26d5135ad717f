/** What both charts draw the same way: the fill patterns, a series' swatch or marker, and the legend. */
import { Fragment } from 'preact';
import { textWidth } from './scale.js';
import { INK, SERIES_STYLES, styleOf, type SeriesStyle } from './series-styles.js';

/** One chart's patterns, named after the chart so two charts on a page keep theirs apart. */
export function Patterns({ id }: { id: string }) {
  return (
    <defs>
      {SERIES_STYLES.map((style, index) => (
        <pattern
          key={style.colour}
          id={`${id}-fill-${index}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform={style.fill === 'stripes' ? 'rotate(45)' : undefined}
        >
          <rect width="6" height="6" fill={style.fill === 'solid' ? style.colour : '#ffffff'} />
          {style.fill === 'stripes' ? <rect width="3.5" height="6" fill={style.colour} /> : null}
          {style.fill === 'dots' ? <circle cx="3" cy="3" r="1.8" fill={style.colour} /> : null}
          {style.fill === 'checks' ? (
            <>
              <rect width="3" height="3" fill={style.colour} />
              <rect x="3" y="3" width="3" height="3" fill={style.colour} />
            </>
          ) : null}
        </pattern>
      ))}
    </defs>
  );
}

export const fillOf = (id: string, index: number): string => `url(#${id}-fill-${index % SERIES_STYLES.length})`;

/** A line series' marker, centred on (x, y). */
export function Marker({ style, x, y, size = 4.5 }: { style: SeriesStyle; x: number; y: number; size?: number }) {
  const common = { fill: '#ffffff', stroke: style.colour, 'stroke-width': 2 };
  switch (style.marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} {...common} fill={style.colour} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case 'triangle':
      return (
        <path
          d={`M${x} ${y - size * 1.2}L${x + size * 1.1} ${y + size * 0.8}L${x - size * 1.1} ${y + size * 0.8}Z`}
          {...common}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - size * 1.3}L${x + size * 1.1} ${y}L${x} ${y + size * 1.3}L${x - size * 1.1} ${y}Z`}
          {...common}
        />
      );
  }
}

export interface LegendEntry {
  label: string;
  /** The entry's key: a filled square (bars) or a line with its marker (lines). */
  kind: 'bar' | 'line';
}

/** The legend along the chart's top edge, one entry after another. */
export function Legend(props: { id: string; entries: readonly LegendEntry[]; x: number; y: number }) {
  let x = props.x;
  return (
    <g>
      {props.entries.map((entry, index) => {
        const style = styleOf(index);
        const at = x;
        x += 32 + textWidth(entry.label) + 24;
        return (
          <Fragment key={entry.label}>
            {entry.kind === 'bar' ? (
              <rect
                x={at}
                y={props.y - 7}
                width="22"
                height="14"
                fill={fillOf(props.id, index)}
                stroke={style.colour}
                stroke-width="1.5"
              />
            ) : (
              <>
                <line
                  x1={at}
                  y1={props.y}
                  x2={at + 26}
                  y2={props.y}
                  stroke={style.colour}
                  stroke-width="2.5"
                  stroke-dasharray={style.dash || undefined}
                />
                <Marker style={style} x={at + 13} y={props.y} size={4} />
              </>
            )}
            <text x={at + 32} y={props.y} dominant-baseline="central" font-size="13" fill={INK}>
              {entry.label}
            </text>
          </Fragment>
        );
      })}
    </g>
  );
}
