/** The pieces every form uses: a labelled field with its message beside it, and the summary of refusals. */
import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';

/** Field messages by field name (`borrower.citizenId`), already in the visitor's language. */
export type FieldMessages = Record<string, string>;

const idOf = (name: string): string => `f-${name.replace(/[^A-Za-z0-9-]/g, '-')}`;

export function Field(props: {
  name: string;
  /** Where one page has two forms with the same field: tells their ids apart. */
  idPrefix?: string;
  label: string;
  hint?: string;
  errors: FieldMessages;
  children: (attrs: {
    id: string;
    name: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
  }) => ComponentChildren;
}) {
  const id = `${props.idPrefix ?? ''}${idOf(props.name)}`;
  const error = props.errors[props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {props.children({
        id,
        name: props.name,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
      })}
    </div>
  );
}

/** The refusals at the top of a form, each linking to its field; the form-level ones (no field) as text. */
export function ErrorSummary({
  ctx,
  errors,
  general,
  idPrefix = '',
}: {
  ctx: PageContext;
  errors: FieldMessages;
  general?: string[];
  idPrefix?: string;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0 && !general?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{ctx.t('errorSummary')}</h2>
      <ul>
        {(general ?? []).map((message) => (
          <li key={message}>{message}</li>
        ))}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${idPrefix}${idOf(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A number typed in a table's cell (a rank, an amount): its label hidden (the row and column name it), its refusal
 * above it, tied to it for screen readers.
 */
export function CellNumberInput(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  class?: string;
  size?: number;
}) {
  const { id, error } = props;
  return (
    <>
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        class={props.class}
        inputMode="numeric"
        size={props.size}
        value={props.value}
        {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {})}
      />
    </>
  );
}
