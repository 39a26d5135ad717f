/** The role select and the scope selects an officer account's forms share. */
import { ROLES } from '../../../workflows/domain.js';
import type { PageContext } from '../context.js';
import { Field, type FieldMessages } from '../form-parts.js';
import { ROLE_LABEL_KEYS } from '../labels-admin.js';

export interface ScopeChoices {
  wards: { code: string; name: string }[];
  associations: { code: string; name: { vi: string; en: string } }[];
  groups: { code: string; name: string; wardCode: string }[];
  bankOffices: { code: string; name: string }[];
}

type Values = Record<string, string>;

function Choice(props: {
  ctx: PageContext;
  name: string;
  label: string;
  values: Values;
  errors: FieldMessages;
  options: { value: string; text: string }[];
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(attrs) => (
        <select {...attrs}>
          <option value="">{props.ctx.t('noneChosen')}</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={props.values[props.name] === option.value}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function RoleAndScopeFields(props: {
  ctx: PageContext;
  values: Values;
  errors: FieldMessages;
  choices: ScopeChoices;
}) {
  const { ctx, values, errors, choices } = props;
  const { t, lang } = ctx;
  const common = { ctx, values, errors };
  return (
    <>
      <Field name="role" label={t('role')} errors={errors}>
        {(attrs) => (
          <select {...attrs} required>
            <option value="">{t('chooseRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role} selected={values.role === role}>
                {t(ROLE_LABEL_KEYS[role])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('colScope')}</legend>
        <p class="hint">{t('scopeHint')}</p>
        <Choice
          {...common}
          name="wardCode"
          label={t('scopeWard')}
          options={choices.wards.map((w) => ({ value: w.code, text: `${w.name} (${w.code})` }))}
        />
        <Choice
          {...common}
          name="associationCode"
          label={t('scopeAssociation')}
          options={choices.associations.map((a) => ({ value: a.code, text: a.name[lang] }))}
        />
        <Choice
          {...common}
          name="groupCode"
          label={t('scopeGroup')}
          options={choices.groups.map((g) => ({ value: g.code, text: `${g.name} (${g.code})` }))}
        />
        <Choice
          {...common}
          name="bankOfficeCode"
          label={t('scopeBankOffice')}
          options={choices.bankOffices.map((b) => ({ value: b.code, text: `${b.name} (${b.code})` }))}
        />
      </fieldset>
    </>
  );
}

/** One account's scope as one line: the codes it is bound to. */
export function scopeText(officer: {
  wardCode: string | null;
  associationCode: string | null;
  groupCode: string | null;
  bankOfficeCode: string | null;
}): string {
  return [officer.wardCode, officer.associationCode, officer.groupCode, officer.bankOfficeCode]
    .filter((code) => code !== null)
    .join(' · ');
}
