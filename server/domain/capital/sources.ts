/**
 * Capital sources and their entrustment records: create, list, read with the ledger, entrust or top up, recall
 * (never beyond what is available), the yearly plan, and a programme's priority among its sources.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { AppError, notFound } from '../errors.js';
import { auditAdminAction } from '../officers.js';
import type { Officer } from '../sessions.js';
import { moveCapital } from './ledger.js';
import { inDistricts, managedDistricts, readableDistricts } from './scope.js';
import {
  toMovementView,
  toPlanView,
  toSourceView,
  type CapitalPlanView,
  type CapitalSourceDetail,
  type CapitalSourceView,
} from './views.js';

export interface NewCapitalSource {
  code: string;
  name: string;
  kind: 'central' | 'local';
  district: string;
  wardCode?: string | undefined;
  programCode?: string | undefined;
}

export interface CapitalEntry {
  amount: number;
  on: string;
  decisionNumber: string;
  note?: string | undefined;
}

export async function listCapitalSources(prisma: PrismaClient, officer: Officer): Promise<CapitalSourceView[]> {
  const districts = await readableDistricts(prisma, officer);
  const rows = await prisma.capitalSource.findMany({
    where: districts === null ? {} : { district: { in: districts } },
    orderBy: [{ district: 'asc' }, { code: 'asc' }],
  });
  return rows.map(toSourceView);
}

/** A source outside the officer's districts is a 404, like one that does not exist. */
async function findReadable(prisma: PrismaClient, officer: Officer, code: string) {
  const row = await prisma.capitalSource.findUnique({ where: { code } });
  if (!row || !inDistricts(await readableDistricts(prisma, officer), row.district)) {
    throw notFound(`Capital source ${code}`);
  }
  return row;
}

async function findManaged(prisma: PrismaClient, officer: Officer, code: string) {
  const districts = await managedDistricts(prisma, officer);
  const row = await findReadable(prisma, officer, code);
  if (!inDistricts(districts, row.district)) {
    throw new AppError('FORBIDDEN', `Capital source ${code} belongs to a district your office does not serve`);
  }
  return row;
}

export async function readCapitalSource(
  prisma: PrismaClient,
  officer: Officer,
  code: string,
): Promise<CapitalSourceDetail> {
  const row = await findReadable(prisma, officer, code);
  const [movements, plans] = await Promise.all([
    prisma.capitalMovement.findMany({ where: { sourceId: row.id }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
    prisma.capitalPlan.findMany({ where: { sourceId: row.id }, orderBy: [{ year: 'asc' }, { programCode: 'asc' }] }),
  ]);
  return { ...toSourceView(row), plans: plans.map(toPlanView), movements: movements.map(toMovementView) };
}

async function assertSourceArea(prisma: PrismaClient, source: NewCapitalSource): Promise<void> {
  if (source.wardCode) {
    const ward = await prisma.ward.findUnique({ where: { code: source.wardCode } });
    if (!ward) throw new AppError('UNKNOWN_WARD', `Ward ${source.wardCode} does not exist`);
    if (ward.district !== source.district) {
      throw new AppError('INVALID_SCOPE', `Ward ${source.wardCode} is not in ${source.district}`, [
        { path: 'wardCode', message: 'the ward is in another district' },
      ]);
    }
  } else if ((await prisma.ward.count({ where: { district: source.district } })) === 0) {
    throw new AppError('INVALID_SCOPE', `No ward is in ${source.district}`, [
      { path: 'district', message: 'no ward is in this district' },
    ]);
  }
  if (source.kind === 'central' && (!source.programCode || source.wardCode)) {
    throw new AppError('INVALID_SCOPE', 'Central capital is allocated to a district for one programme', [
      { path: source.wardCode ? 'wardCode' : 'programCode', message: 'central capital: a district and a programme' },
    ]);
  }
  if (source.programCode && (await prisma.loanProgram.count({ where: { code: source.programCode } })) === 0) {
    throw new AppError('UNKNOWN_PROGRAM', `Programme ${source.programCode} does not exist`);
  }
}

export async function createCapitalSource(
  prisma: PrismaClient,
  officer: Officer,
  source: NewCapitalSource,
): Promise<CapitalSourceView> {
  const districts = await managedDistricts(prisma, officer);
  if (!inDistricts(districts, source.district)) {
    throw new AppError('FORBIDDEN', `District ${source.district} is not served by your office`);
  }
  await assertSourceArea(prisma, source);
  if (await prisma.capitalSource.findUnique({ where: { code: source.code } })) {
    throw new AppError('CAPITAL_SOURCE_EXISTS', `Capital source ${source.code} already exists`);
  }
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.capitalSource.create({
      data: {
        ...source,
        wardCode: source.wardCode ?? null,
        programCode: source.programCode ?? null,
        createdBy: officer.username,
      },
    });
    await auditAdminAction(tx, officer, 'CAPITAL_SOURCE_CREATED', { code: source.code, kind: source.kind });
    return created;
  });
  return toSourceView(row);
}

/** An entrustment or a top-up: the capital grows by the amount, under the decision's number. */
export async function entrustCapital(
  prisma: PrismaClient,
  officer: Officer,
  code: string,
  entry: CapitalEntry & { kind: 'entrust' | 'top-up' },
): Promise<CapitalSourceDetail> {
  return moveByHand(prisma, officer, code, entry.kind, entry);
}

/** A recall takes capital back, never more than is available (reserved and outstanding stay). */
export async function recallCapital(
  prisma: PrismaClient,
  officer: Officer,
  code: string,
  entry: CapitalEntry,
): Promise<CapitalSourceDetail> {
  return moveByHand(prisma, officer, code, 'recall', entry);
}

async function moveByHand(
  prisma: PrismaClient,
  officer: Officer,
  code: string,
  kind: 'entrust' | 'top-up' | 'recall',
  entry: CapitalEntry,
): Promise<CapitalSourceDetail> {
  const row = await findManaged(prisma, officer, code);
  await prisma.$transaction(async (tx) => {
    const moved = await moveCapital(tx, {
      sourceId: row.id,
      kind,
      amount: BigInt(entry.amount),
      on: entry.on,
      key: `${kind}:${randomUUID()}`,
      actor: officer.username,
      decisionNumber: entry.decisionNumber,
      note: entry.note ?? null,
    });
    if (moved === 'refused' && kind === 'recall') {
      throw new AppError('RECALL_EXCEEDS_AVAILABLE', `The recall is more than the capital available in ${code}`, [
        { path: 'amount', message: 'more than the capital available' },
      ]);
    }
    if (moved === 'refused') {
      throw new AppError('VALIDATION_FAILED', 'The capital would exceed the largest amount the system keeps', [
        { path: 'amount', message: 'too large' },
      ]);
    }
    await auditAdminAction(tx, officer, 'CAPITAL_MOVED', { code, kind, amount: entry.amount });
  });
  return readCapitalSource(prisma, officer, code);
}

export async function setCapitalPlan(
  prisma: PrismaClient,
  officer: Officer,
  code: string,
  year: number,
  plan: { amount: number; programCode?: string | undefined },
): Promise<CapitalPlanView> {
  const row = await findManaged(prisma, officer, code);
  const programCode = plan.programCode ?? row.programCode;
  if (!programCode) {
    throw new AppError('FIELD_REQUIRED', 'A source that lends for every programme plans per programme', [
      { path: 'programCode', message: 'required for this source' },
    ]);
  }
  if (row.programCode && programCode !== row.programCode) {
    throw new AppError('INVALID_SCOPE', `Source ${code} lends for ${row.programCode} only`, [
      { path: 'programCode', message: 'not the programme of this source' },
    ]);
  }
  if ((await prisma.loanProgram.count({ where: { code: programCode } })) === 0) {
    throw new AppError('UNKNOWN_PROGRAM', `Programme ${programCode} does not exist`);
  }
  const saved = await prisma.capitalPlan.upsert({
    where: { sourceId_year_programCode: { sourceId: row.id, year, programCode } },
    create: { sourceId: row.id, year, programCode, amount: BigInt(plan.amount), updatedBy: officer.username },
    update: { amount: BigInt(plan.amount), updatedBy: officer.username },
  });
  return toPlanView(saved);
}
