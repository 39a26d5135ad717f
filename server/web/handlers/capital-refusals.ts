/**
 * A capital form's refusal beside its fields, in words about capital: the API's zod issues and coded refusals,
 * with the codes that name no field (an existing code, an unknown ward) put beside the field they are about.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { pageContext } from '../context.js';
import type { LabelKey } from '../labels.js';
import type { CapitalFormState } from '../pages/capital-forms.js';
import { refusalOf } from './admin-forms.js';

/** What a malformed field says, by field name (the API's schema judged it). */
const TYPED: Record<string, LabelKey> = {
  code: 'capitalCodeInvalid',
  amount: 'capitalAmountInvalid',
  on: 'capitalDateInvalid',
  year: 'capitalYearInvalid',
};

/** Coded refusals that name no field of their own, and the field each is about. */
const CODE_FIELD: Partial<Record<string, string>> = {
  CAPITAL_SOURCE_EXISTS: 'code',
  UNKNOWN_WARD: 'wardCode',
  UNKNOWN_PROGRAM: 'programCode',
};

/** Domain refusals whose field message is more precise than the code's, by code and field. */
const PRECISE: Record<string, LabelKey> = {
  'INVALID_SCOPE:wardCode': 'capitalWardElsewhere',
  'INVALID_SCOPE:district': 'capitalDistrictUnknown',
  'INVALID_SCOPE:programCode': 'capitalCentralScope',
  'FIELD_REQUIRED:programCode': 'capitalPlanProgrammeRequired',
};

export function capitalRefusal(
  res: Response,
  error: unknown,
  values: Record<string, string>,
  /** planAmount: the plan form (an amount of 0 allowed, its own programme rule); districtField: the new-source form. */
  options: { planAmount?: boolean; districtField?: boolean } = {},
): { state: CapitalFormState; status: number } | null {
  const refusal = refusalOf(res, error);
  if (!refusal) return null;
  const { t } = pageContext(res);
  const errors = { ...refusal.fields };
  let general = refusal.general;
  if (error instanceof z.ZodError) {
    for (const name of Object.keys(errors)) {
      const key = name === 'amount' && options.planAmount ? 'capitalPlanAmountInvalid' : TYPED[name];
      if (key) errors[name] = t(key);
    }
  } else if (error instanceof AppError) {
    for (const name of Object.keys(errors)) {
      const key = PRECISE[`${error.code}:${name}`];
      if (key) errors[name] = t(key);
    }
    if (error.code === 'INVALID_SCOPE' && errors.programCode && options.planAmount) {
      errors.programCode = t('capitalPlanOtherProgramme');
    }
    const field = error.code === 'FORBIDDEN' && options.districtField ? 'district' : CODE_FIELD[error.code];
    if (field && error.fields.length === 0) {
      errors[field] = error.code === 'FORBIDDEN' ? t('capitalDistrictNotServed') : (general[0] ?? '');
      general = [];
    }
  }
  return { state: { values, errors, general }, status: refusal.status };
}
