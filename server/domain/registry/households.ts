/**
 * Rows grouped into households by "Mã hộ", with the rules that span rows: exactly one head, household-level
 * columns that agree, dates in order, no citizen id twice. A household with any error is left out whole.
 */
import { columnName, type HouseholdField, type RowRecord } from './rows.js';
import { registryError, type MessageParams } from './messages.js';
import type { RegistryError, RegistryErrorCode, RegistryHousehold } from './types.js';

export interface Grouped {
  householdId: string;
  records: RowRecord[];
}

const AGREEING_FIELDS: readonly HouseholdField[] = ['village', 'category', 'listedOn', 'expiresOn'];
const REQUIRED_HOUSEHOLD_FIELDS: readonly HouseholdField[] = ['category', 'listedOn', 'expiresOn'];

function add(
  grouped: Grouped,
  record: RowRecord,
  field: HouseholdField | 'citizenId' | 'relationship',
  code: RegistryErrorCode,
  params: MessageParams = {},
): void {
  const column = columnName(record.header, field);
  const at = { ...record.at, column };
  record.errors.push(registryError(at, code, { column, householdId: grouped.householdId, ...params }, 'household'));
}

function checkHeads(grouped: Grouped): RowRecord | null {
  const heads = grouped.records.filter((r) => r.isHead);
  const [head, ...extra] = heads;
  const first = grouped.records[0];
  if (head === undefined) {
    if (first !== undefined) add(grouped, first, 'relationship', 'HEAD_MISSING');
    return null;
  }
  for (const other of extra) add(grouped, other, 'relationship', 'HEAD_DUPLICATE', { otherRow: head.at.row });
  return head;
}

/** Household-level values: the first row that states one sets it; later rows may leave it blank or repeat it. */
function agreeOnValues(grouped: Grouped, head: RowRecord | null): Partial<Record<HouseholdField, RowRecord>> {
  const source: Partial<Record<HouseholdField, RowRecord>> = {};
  const ordered = head === null ? grouped.records : [head, ...grouped.records.filter((r) => r !== head)];
  for (const field of AGREEING_FIELDS) {
    for (const record of ordered) {
      const value = record.household[field];
      if (value === undefined) continue;
      const reference = source[field];
      if (reference === undefined) source[field] = record;
      else if (reference.household[field] !== value) {
        add(grouped, record, field, 'HOUSEHOLD_FIELD_MISMATCH', {
          value: record.shown[field],
          otherRow: reference.at.row,
          detail: reference.shown[field],
        });
      }
    }
  }
  if (head !== null) {
    for (const record of grouped.records) {
      const headName = record.household.headName;
      if (headName === undefined || headName === head.fullName || head.fullName === '') continue;
      add(grouped, record, 'headName', 'HOUSEHOLD_FIELD_MISMATCH', {
        value: headName,
        otherRow: head.at.row,
        detail: head.fullName,
      });
    }
  }
  return source;
}

function checkRequiredAndOrder(
  grouped: Grouped,
  head: RowRecord | null,
  source: Partial<Record<HouseholdField, RowRecord>>,
) {
  const anchor = head ?? grouped.records[0];
  if (anchor === undefined) return;
  for (const field of REQUIRED_HOUSEHOLD_FIELDS) {
    if (source[field] === undefined && grouped.records.every((r) => !r.failed.has(field))) {
      add(grouped, anchor, field, 'FIELD_REQUIRED');
    }
  }
  const listedOn = source.listedOn?.household.listedOn;
  const expires = source.expiresOn;
  const expiresOn = expires?.household.expiresOn;
  if (expires !== undefined && listedOn !== undefined && expiresOn !== undefined && expiresOn <= listedOn) {
    add(grouped, expires, 'expiresOn', 'EXPIRY_NOT_AFTER_LISTING', { value: expires.shown.expiresOn });
  }
}

/** Citizen ids are unique across the whole file: within a household, and between households. */
export function checkCitizenIds(groups: readonly Grouped[]): void {
  const seen = new Map<string, { grouped: Grouped; record: RowRecord }>();
  for (const grouped of groups) {
    for (const record of grouped.records) {
      const id = record.citizenId;
      if (id === null) continue;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, { grouped, record });
        continue;
      }
      const params = { value: id, otherRow: first.record.at.row, otherHousehold: first.grouped.householdId };
      add(grouped, record, 'citizenId', 'CCCD_DUPLICATE', params);
      if (first.grouped !== grouped) {
        add(first.grouped, first.record, 'citizenId', 'CCCD_DUPLICATE', {
          value: id,
          otherRow: record.at.row,
          otherHousehold: grouped.householdId,
        });
      }
    }
  }
}

/** The household when every rule holds, else null (its rows carry the errors). */
export function assembleHousehold(grouped: Grouped, wardCode: string): RegistryHousehold | null {
  const head = checkHeads(grouped);
  const source = agreeOnValues(grouped, head);
  checkRequiredAndOrder(grouped, head, source);
  if (head === null || grouped.records.some((r) => r.errors.length > 0)) return null;
  const category = source.category?.household.category;
  const listedOn = source.listedOn?.household.listedOn;
  const expiresOn = source.expiresOn?.household.expiresOn;
  if (category === undefined || listedOn === undefined || expiresOn === undefined) return null;
  if (head.citizenId === null || head.birthDate === null) return null;
  return {
    wardCode,
    householdId: grouped.householdId,
    village: source.village?.household.village ?? null,
    category,
    listedOn,
    expiresOn,
    head: { fullName: head.fullName, citizenId: head.citizenId, birthDate: head.birthDate },
    members: grouped.records
      .filter((r) => r !== head)
      .flatMap((r) =>
        r.birthDate === null
          ? []
          : [{ fullName: r.fullName, citizenId: r.citizenId, birthDate: r.birthDate, relationship: r.relationship }],
      ),
  };
}

export function collectErrors(groups: readonly Grouped[], loose: readonly RowRecord[]): RegistryError[] {
  return [...groups.flatMap((g) => g.records), ...loose].flatMap((r) => r.errors);
}
