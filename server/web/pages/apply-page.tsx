/**
 * Form 01/TD online: programme (with its ceiling, rate and maximum term), ward and group, household, borrower,
 * members and the loan. Works without JavaScript; every refusal is shown beside its field, the form as typed.
 */
import type { ProgramSnapshot } from '../../../workflows/definitions.js';
import { CATEGORY_LABELS, HOUSEHOLD_CATEGORIES } from '../../../workflows/domain.js';
import { formatMoney, formatPercent } from '../../domain/format.js';
import type { GroupChoice, WardChoice } from '../../domain/reference-data.js';
import type { PageContext } from '../context.js';
import { ErrorSummary, Field, type FieldMessages } from '../form-parts.js';
import { CsrfField, Layout } from '../layout.js';

export const MEMBER_ROWS = 3;

export interface ApplyPageData {
  programs: ProgramSnapshot[];
  wards: WardChoice[];
  groups: GroupChoice[];
  /** What was typed, by field name (`borrower.citizenId`, `householdMembers.0.fullName`). */
  values: Record<string, string>;
  errors: FieldMessages;
  general: string[];
}

/** The groups grouped by ward; the whole list works without JavaScript. */
export function GroupOptions(props: {
  ctx: PageContext;
  wards: WardChoice[];
  groups: GroupChoice[];
  selected: string;
}) {
  return (
    <>
      <option value="">{props.ctx.t('chooseOne')}</option>
      {props.wards.map((w) => (
        <optgroup label={w.name} key={w.code}>
          {props.groups
            .filter((g) => g.wardCode === w.code)
            .map((g) => (
              <option value={g.code} key={g.code} selected={props.selected === g.code}>
                {g.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

type Attrs = Parameters<Parameters<typeof Field>[0]['children']>[0];

export function ApplyPage({ ctx, data }: { ctx: PageContext; data: ApplyPageData }) {
  const { t, lang } = ctx;
  const v = (name: string) => data.values[name] ?? '';
  const text = (name: string, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <Field name={name} label={label} errors={data.errors} {...(hint ? { hint } : {})}>
      {(attrs: Attrs) => <input {...attrs} value={v(name)} {...extra} />}
    </Field>
  );
  const programError = data.errors.programCode;
  return (
    <Layout ctx={ctx} title={t('applyTitle')}>
      <h1>{t('applyTitle')}</h1>
      <p class="lead">{t('applyLead')}</p>
      <ErrorSummary ctx={ctx} errors={data.errors} general={data.general} />
      <form method="post" action="/apply" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class={programError ? 'field has-error' : 'field'} id="f-programCode" tabIndex={-1}>
          <legend>{t('chooseProgramme')}</legend>
          {programError ? <p class="field-error">{programError}</p> : null}
          <div class="programmes">
            {data.programs.map((p) => (
              <label class="programme" key={p.code}>
                <input type="radio" name="programCode" value={p.code} checked={v('programCode') === p.code} />
                <span class="programme-name">{lang === 'vi' ? p.nameVi : p.nameEn}</span>
                <span class="programme-facts">
                  {t('ceiling')}: {formatMoney(p.ceilingVnd, lang)} · {t('rate')}:{' '}
                  {formatPercent(p.annualRatePercent, lang)}
                  {t('perYear')} · {t('maxTerm')}: {p.maxTermMonths} {t('months')}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('whereFiled')}</legend>
          <Field name="wardCode" label={t('ward')} errors={data.errors}>
            {(attrs: Attrs) => (
              // With JavaScript, choosing a ward narrows the group list to that ward's groups (htmx).
              <select {...attrs} hx-get="/apply/groups" hx-target="#f-groupCode" hx-trigger="change">
                <option value="">{t('chooseOne')}</option>
                {data.wards.map((w) => (
                  <option value={w.code} key={w.code} selected={v('wardCode') === w.code}>
                    {w.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="groupCode" label={t('group')} hint={t('groupHint')} errors={data.errors}>
            {(attrs: Attrs) => (
              <select {...attrs}>
                <GroupOptions ctx={ctx} wards={data.wards} groups={data.groups} selected={v('groupCode')} />
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('household')}</legend>
          <Field name="householdCategory" label={t('householdCategory')} errors={data.errors}>
            {(attrs: Attrs) => (
              <select {...attrs}>
                <option value="">{t('chooseOne')}</option>
                {HOUSEHOLD_CATEGORIES.map((c) => (
                  <option value={c} key={c} selected={v('householdCategory') === c}>
                    {t(CATEGORY_LABELS[c])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('village', `${t('village')} (${t('optional')})`)}
        </fieldset>
        <fieldset>
          <legend>{t('borrower')}</legend>
          {text('borrower.fullName', t('fullName'), { autocomplete: 'name' })}
          {text('borrower.citizenId', t('citizenId'), { inputMode: 'numeric', maxLength: 12 })}
          {text('borrower.dateOfBirth', t('dateOfBirth'), { class: 'short', autocomplete: 'bday' }, t('dateHint'))}
          {text('borrower.phone', `${t('phone')} (${t('optional')})`, { type: 'tel', autocomplete: 'tel' })}
          {text('borrower.email', `${t('email')} (${t('optional')})`, { type: 'email', autocomplete: 'email' })}
        </fieldset>
        <fieldset>
          <legend>{t('members')}</legend>
          <p class="hint">{t('membersHint')}</p>
          {Array.from({ length: MEMBER_ROWS }, (_, i) => (
            <fieldset class="member-row" key={i}>
              <legend class="member-legend">{`${t('member')} ${i + 1}`}</legend>
              {text(`householdMembers.${i}.fullName`, t('fullName'))}
              {text(`householdMembers.${i}.citizenId`, t('citizenId'), { inputMode: 'numeric', maxLength: 12 })}
              {text(`householdMembers.${i}.relationship`, t('relationship'))}
            </fieldset>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('loan')}</legend>
          {text('amount', t('amountVnd'), { inputMode: 'numeric' })}
          {text('termMonths', t('termMonths'), { inputMode: 'numeric', class: 'short' })}
          {text('purpose', t('purpose'))}
          <Field name="usePlan" label={t('usePlan')} errors={data.errors}>
            {(attrs: Attrs) => <textarea {...attrs} rows={4} value={v('usePlan')} />}
          </Field>
        </fieldset>
        <button type="submit">{t('submitApplication')}</button>
      </form>
    </Layout>
  );
}
