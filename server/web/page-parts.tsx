/** The pieces every page shows the same way: a heading with its code, a notice, a table of rows, a list of facts. */
import { Fragment, type ComponentChildren } from 'preact';

/** What an action just did ("Đã lưu thay đổi."), announced to screen readers; nothing when there is none. */
export function Notice({ text }: { text?: string | undefined }) {
  if (!text) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

/** The page's heading with the code it is about (`Hồ sơ HOABINH-2026-…`), and the notice of what was just done. */
export function CodeHeading(props: { title: string; code: string; notice?: string | undefined }) {
  return (
    <>
      <h1>
        {props.title} <span class="code">{props.code}</span>
      </h1>
      <Notice text={props.notice} />
    </>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  /** `code` for identifiers, set in the monospace face; `num` for amounts, aligned right. */
  class?: string;
  /** The heading cell's class, where it aligns with its column (`num`). */
  headerClass?: string;
}

/**
 * A table of rows that scrolls sideways on a narrow screen rather than squeezing its columns; its caption is
 * for screen readers (the page's heading already says it to everyone else).
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClass?: (row: Row) => string | undefined;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column.header} class={column.headerClass}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} class={props.rowClass?.(row)}>
              {props.columns.map((column) => (
                <td key={column.header} class={column.class}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One term and its value; a falsy entry (`cond && [term, value]`) leaves the fact out (a due date only while the file is open). */
export type Fact = readonly [term: string, value: ComponentChildren] | false | '' | null | undefined;

/** A definition list of facts, in the order given. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl class="facts">
      {facts.map((fact) =>
        fact ? (
          <Fragment key={fact[0]}>
            <dt>{fact[0]}</dt>
            <dd>{fact[1]}</dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}

/** A table's totals row: the label across the leading columns, the amount right-aligned, empty trailing cells. */
export function TotalsFoot(props: { label: string; amount: string; leading: number; trailing: number }) {
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={props.leading}>
          {props.label}
        </th>
        <td class="num">
          <strong>{props.amount}</strong>
        </td>
        {props.trailing > 0 ? <td colSpan={props.trailing} /> : null}
      </tr>
    </tfoot>
  );
}
