/**
 * The fields of a programme version, as ProgramDefinition names them (a refusal's path is its field's name):
 * used by the form that adds a programme and the one that publishes a new version.
 */
import type { ComponentChildren } from 'preact';
import {
  CATEGORY_LABELS,
  HOUSEHOLD_CATEGORIES,
  STEP_LABELS,
  STEP_NAMES,
  type StepName,
} from '../../../workflows/domain.js';
import type { ProgramSnapshot } from '../../../workflows/definitions.js';
import type { PageContext } from '../context.js';
import { Field, type FieldMessages } from '../form-parts.js';
import type { LabelKey } from '../labels.js';

/** Steps with a deadline in working days; disbursement follows the ward's transaction day. */
export const DEADLINE_STEPS = STEP_NAMES.filter((step) => step !== 'disbursement');
export const FRACTIONS = ['quorum', 'approval'] as const;

export interface ProgrammeFormData {
  values: Record<string, string>;
  errors: FieldMessages;
  general: string[];
}

/** A version's settings as form values, to start the next version from. */
export function programmeValues(program: ProgramSnapshot): Record<string, string> {
  const values: Record<string, string> = {
    nameVi: program.nameVi,
    nameEn: program.nameEn,
    ceilingVnd: String(program.ceilingVnd),
    ceilingPerMonthVnd: program.ceilingPerMonthVnd === null ? '' : String(program.ceilingPerMonthVnd),
    annualRatePercent: program.annualRatePercent,
    maxTermMonths: String(program.maxTermMonths),
    eligibleCategories: program.eligibleCategories.join(','),
    graceWorkingDays: String(program.graceWorkingDays),
    checkOverdueDebt: program.checkOverdueDebt ? 'true' : '',
  };
  program.stepOrder.forEach((step, index) => (values[`stepOrder.${index}`] = step));
  for (const fraction of FRACTIONS) {
    values[`voteRules.${fraction}.numerator`] = String(program.voteRules[fraction].numerator);
    values[`voteRules.${fraction}.denominator`] = String(program.voteRules[fraction].denominator);
  }
  for (const step of DEADLINE_STEPS) values[`deadlines.${step}`] = String(program.deadlines[step] ?? '');
  return values;
}

type Props = { ctx: PageContext; form: ProgrammeFormData; prefix: string };

function Text({ ctx, form, prefix, name, label, hint }: Props & { name: string; label: LabelKey; hint?: LabelKey }) {
  return (
    <Field
      name={name}
      idPrefix={prefix}
      label={ctx.t(label)}
      errors={form.errors}
      {...(hint ? { hint: ctx.t(hint) } : {})}
    >
      {(attrs) => <input {...attrs} value={form.values[name] ?? ''} />}
    </Field>
  );
}

function NumberField({ form, prefix, name, label }: Omit<Props, 'ctx'> & { name: string; label: string }) {
  return (
    <Field name={name} idPrefix={prefix} label={label} errors={form.errors}>
      {(attrs) => <input {...attrs} class="short" inputMode="numeric" value={form.values[name] ?? ''} />}
    </Field>
  );
}

function Group({
  form,
  name,
  legend,
  hint,
  children,
}: {
  form: ProgrammeFormData;
  name: string;
  legend: string;
  hint?: string;
  children: ComponentChildren;
}) {
  const error = form.errors[name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'}>
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {error ? <p class="field-error">{error}</p> : null}
      {children}
    </fieldset>
  );
}

export function ProgrammeFields(props: Props) {
  const { ctx, form, prefix } = props;
  const { t } = ctx;
  const categories = form.values.eligibleCategories?.split(',') ?? [];
  return (
    <>
      <Text {...props} name="nameVi" label="programNameVi" />
      <Text {...props} name="nameEn" label="programNameEn" />
      <Text {...props} name="ceilingVnd" label="ceilingField" />
      <Text {...props} name="ceilingPerMonthVnd" label="ceilingPerMonthField" hint="ceilingPerMonthHint" />
      <Text {...props} name="annualRatePercent" label="rateField" hint="rateHint" />
      <NumberField {...props} name="maxTermMonths" label={t('maxTermField')} />
      <Group form={form} name="stepOrder" legend={t('stepOrderField')} hint={t('stepOrderHint')}>
        {STEP_NAMES.map((_, index) => {
          const name = `stepOrder.${index}`;
          return (
            <Field
              key={name}
              name={name}
              idPrefix={prefix}
              label={t('stepNumber').replace('{n}', String(index + 1))}
              errors={{}}
            >
              {(attrs) => (
                <select {...attrs}>
                  <option value="">{t('chooseOne')}</option>
                  {STEP_NAMES.map((step: StepName) => (
                    <option key={step} value={step} selected={form.values[name] === step}>
                      {t(STEP_LABELS[step])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </Group>
      <Group form={form} name="eligibleCategories" legend={t('categoriesField')}>
        {HOUSEHOLD_CATEGORIES.map((category) => (
          <label class="choice" key={category} for={`${prefix}f-cat-${category}`}>
            <input
              type="checkbox"
              id={`${prefix}f-cat-${category}`}
              name="eligibleCategories"
              value={category}
              checked={categories.includes(category)}
            />
            {t(CATEGORY_LABELS[category])}
          </label>
        ))}
      </Group>
      {FRACTIONS.map((fraction) => (
        <Group
          key={fraction}
          form={form}
          name={`voteRules.${fraction}`}
          legend={t(fraction === 'quorum' ? 'quorumField' : 'approvalField')}
        >
          <div class="inline-fields">
            <NumberField {...props} name={`voteRules.${fraction}.numerator`} label={t('numerator')} />
            <NumberField {...props} name={`voteRules.${fraction}.denominator`} label={t('denominator')} />
          </div>
        </Group>
      ))}
      <Group form={form} name="deadlines" legend={t('deadlinesField')} hint={t('deadlinesHint')}>
        {DEADLINE_STEPS.map((step) => (
          <NumberField key={step} {...props} name={`deadlines.${step}`} label={t(STEP_LABELS[step])} />
        ))}
      </Group>
      <NumberField {...props} name="graceWorkingDays" label={t('graceField')} />
      <div class="field">
        <label class="choice" for={`${prefix}f-checkOverdueDebt`}>
          <input
            type="checkbox"
            id={`${prefix}f-checkOverdueDebt`}
            name="checkOverdueDebt"
            value="true"
            checked={form.values.checkOverdueDebt === 'true'}
          />
          {t('checkDebtField')}
        </label>
      </div>
    </>
  );
}
