/** One data row of a household list, read and checked on its own (household-wide rules come later). */
import type { HouseholdCategory } from '../../../workflows/domain.js';
import {
  HEAD_RELATIONSHIP,
  canonicalRelationship,
  columnOf,
  isHeadRelationship,
  parseCategory,
  type RegistryField,
} from './format.js';
import { registryError, type MessageParams } from './messages.js';
import { cellText, type CellValue, type Header, type SheetRow } from './table.js';
import type { RegistryError, RegistryErrorCode } from './types.js';
import { ageOn, citizenIdMatchesBirthDate, readCitizenId, readDate, shownValue } from './values.js';

/** Under the 2023 Identity Law the card is compulsory from 14: younger members may have no number listed. */
const CARD_AGE = 14;

export interface RowContext {
  sheet?: string;
  header: Header;
  date1904: boolean;
  today: string;
}

/** The household-level values a row states (blank cells state nothing and inherit from the household). */
export interface HouseholdValues {
  village?: string;
  category?: HouseholdCategory;
  listedOn?: string;
  expiresOn?: string;
  headName?: string;
}
export type HouseholdField = keyof HouseholdValues;

export interface RowRecord {
  at: { row: number; sheet?: string };
  /** The header of the table the row came from, to name columns as the file does. */
  header: Header;
  householdId: string;
  isHead: boolean;
  fullName: string;
  relationship: string;
  citizenId: string | null;
  birthDate: string | null;
  household: HouseholdValues;
  /** How each stated household value reads in the file, for messages. */
  shown: Partial<Record<HouseholdField, string>>;
  /** Fields already reported, so household-wide checks do not report them twice. */
  failed: Set<RegistryField>;
  errors: RegistryError[];
}

/** The header as written in this file, or the canonical one. */
export function columnName(header: Header, field: RegistryField): string {
  return header.columns.get(field)?.header ?? columnOf(field).header;
}

/** Null for a row with nothing in any registry column (blank lines, STT-only lines, notes below the list). */
export function readRow(source: SheetRow, context: RowContext): RowRecord | null {
  const { header, today } = context;
  const cell = (field: RegistryField): CellValue => {
    const column = header.columns.get(field);
    return column === undefined ? null : (source.cells[column.index] ?? null);
  };
  const text = (field: RegistryField): string => cellText(cell(field));
  if ([...header.columns.keys()].every((field) => text(field) === '')) return null;

  const at = context.sheet === undefined ? { row: source.row } : { row: source.row, sheet: context.sheet };
  const householdId = text('householdId');
  const record: RowRecord = {
    at,
    header,
    householdId,
    isHead: true,
    fullName: text(header.columns.has('fullName') ? 'fullName' : 'headName'),
    relationship: HEAD_RELATIONSHIP,
    citizenId: null,
    birthDate: null,
    household: {},
    shown: {},
    failed: new Set(),
    errors: [],
  };
  const fail = (field: RegistryField, code: RegistryErrorCode, params: MessageParams = {}): void => {
    const column = columnName(header, field);
    const exclusion = householdId === '' ? 'row' : 'household';
    const error = registryError({ ...at, column }, code, { column, householdId, ...params }, exclusion);
    if (householdId === '') delete error.householdId;
    record.failed.add(field);
    record.errors.push(error);
  };

  if (householdId === '') {
    fail('householdId', 'FIELD_REQUIRED');
    return record;
  }
  if (record.fullName === '') fail(header.columns.has('fullName') ? 'fullName' : 'headName', 'FIELD_REQUIRED');
  if (header.columns.has('relationship')) {
    const relationship = text('relationship');
    if (relationship === '') fail('relationship', 'FIELD_REQUIRED');
    record.isHead = isHeadRelationship(relationship);
    record.relationship = record.isHead ? HEAD_RELATIONSHIP : canonicalRelationship(relationship);
  }
  record.birthDate = readPastDate(cell('birthDate'), 'birthDate', context, fail, true);
  readCitizen(record, cell('citizenId'), fail, today);
  readHouseholdValues(record, cell, context, fail);
  return record;
}

type Fail = (field: RegistryField, code: RegistryErrorCode, params?: MessageParams) => void;

function readPastDate(value: CellValue, field: RegistryField, context: RowContext, fail: Fail, required: boolean) {
  const shown = shownValue(value);
  if (shown === '') {
    if (required) fail(field, 'FIELD_REQUIRED');
    return null;
  }
  const date = readDate(value, context.date1904);
  if (date === null) fail(field, 'DATE_INVALID', { value: shown });
  else if (date > context.today) fail(field, 'DATE_IN_FUTURE', { value: shown });
  else return date;
  return null;
}

function readCitizen(record: RowRecord, value: CellValue, fail: Fail, today: string): void {
  if (cellText(value) === '') {
    // A member whose birth date is unreadable is reported for that; the id may be lawfully absent.
    const required = record.isHead || (record.birthDate !== null && ageOn(record.birthDate, today) >= CARD_AGE);
    if (required) fail('citizenId', 'FIELD_REQUIRED');
    return;
  }
  const result = readCitizenId(value);
  if (!result.ok) {
    fail('citizenId', result.code, { value: result.shown });
    return;
  }
  record.citizenId = result.citizenId;
  if (record.birthDate !== null && !citizenIdMatchesBirthDate(result.citizenId, record.birthDate)) {
    fail('citizenId', 'CCCD_BIRTH_YEAR_MISMATCH', { value: result.citizenId, detail: record.birthDate.slice(0, 4) });
  }
}

function readHouseholdValues(
  record: RowRecord,
  cell: (field: RegistryField) => CellValue,
  context: RowContext,
  fail: Fail,
): void {
  const { household, shown } = record;
  const state = <F extends HouseholdField>(field: F, value: HouseholdValues[F] | undefined, as: string): void => {
    if (value === undefined) return;
    household[field] = value;
    shown[field] = as;
  };
  const village = cellText(cell('village'));
  if (village !== '') state('village', village, village);
  if (context.header.columns.has('fullName')) {
    const headName = cellText(cell('headName'));
    if (headName !== '') state('headName', headName, headName);
  }
  const category = cellText(cell('category'));
  if (category !== '') {
    const code = parseCategory(category);
    if (code === null) fail('category', 'CATEGORY_UNKNOWN', { value: category });
    else state('category', code, category);
  }
  const listedOn = readPastDate(cell('listedOn'), 'listedOn', context, fail, false);
  state('listedOn', listedOn ?? undefined, shownValue(cell('listedOn')));
  const expiresOnCell = cell('expiresOn');
  if (shownValue(expiresOnCell) !== '') {
    const expiresOn = readDate(expiresOnCell, context.date1904);
    if (expiresOn === null) fail('expiresOn', 'DATE_INVALID', { value: shownValue(expiresOnCell) });
    state('expiresOn', expiresOn ?? undefined, shownValue(expiresOnCell));
  }
}
