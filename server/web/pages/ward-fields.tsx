/** A ward's fields and its associations' checkboxes: the same on the form that adds a ward and the one that edits it. */
import { ASSOCIATION_CODES, ASSOCIATION_LABELS, type AssociationCode } from '../../../workflows/domain.js';
import type { PageContext } from '../context.js';
import { Field, type FieldMessages } from '../form-parts.js';
import type { Translate } from '../labels.js';

export const associationNames = (t: Translate, codes: readonly string[]): string =>
  codes.map((code) => (code in ASSOCIATION_LABELS ? t(ASSOCIATION_LABELS[code as AssociationCode]) : code)).join(', ');

export function WardFields(props: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldMessages;
  bankOffices: readonly { code: string; name: string }[];
}) {
  const { t } = props.ctx;
  const { values, errors } = props;
  const text = (name: string, label: string) => (
    <Field name={name} label={label} errors={errors}>
      {(attrs) => <input {...attrs} required value={values[name] ?? ''} />}
    </Field>
  );
  return (
    <>
      {text('name', t('wardName'))}
      <Field name="kind" label={t('wardKind')} errors={errors}>
        {(attrs) => (
          <select {...attrs}>
            <option value="phuong" selected={values.kind !== 'xa'}>
              {t('kindPhuong')}
            </option>
            <option value="xa" selected={values.kind === 'xa'}>
              {t('kindXa')}
            </option>
          </select>
        )}
      </Field>
      {text('district', t('district'))}
      {text('province', t('province'))}
      {text('transactionPoint', t('transactionPointField'))}
      <Field name="transactionDay" label={t('transactionDayField')} errors={errors}>
        {(attrs) => <input {...attrs} required inputMode="numeric" value={values.transactionDay ?? ''} />}
      </Field>
      <Field name="bankOfficeCode" label={t('scopeBankOffice')} errors={errors}>
        {(attrs) => (
          <select {...attrs}>
            <option value="">{t('noneChosen')}</option>
            {props.bankOffices.map((office) => (
              <option key={office.code} value={office.code} selected={values.bankOfficeCode === office.code}>
                {office.name} ({office.code})
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** One checkbox per mass organisation; a refusal (one still managing a group) shown inside the fieldset. */
export function AssociationChoices(props: {
  ctx: PageContext;
  checked: readonly string[];
  error?: string | undefined;
}) {
  const { t } = props.ctx;
  return (
    <fieldset id="f-associationCodes" class={props.error ? 'has-error' : undefined} tabIndex={-1}>
      <legend>{t('colAssociations')}</legend>
      {props.error ? (
        <p class="field-error" id="f-associationCodes-error">
          {props.error}
        </p>
      ) : null}
      {ASSOCIATION_CODES.map((code) => (
        <label class="choice" for={`f-assoc-${code}`} key={code}>
          <input
            type="checkbox"
            id={`f-assoc-${code}`}
            name="associationCodes"
            value={code}
            checked={props.checked.includes(code)}
            {...(props.error ? { 'aria-describedby': 'f-associationCodes-error' } : {})}
          />
          {t(ASSOCIATION_LABELS[code])}
        </label>
      ))}
    </fieldset>
  );
}
