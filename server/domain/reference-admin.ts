/**
 * Reference data the administrator keeps: bank offices, wards (their kind, transaction point and day, and the
 * bank office serving them) and which mass organisations operate in each ward. Every change is audited.
 */
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import { AppError, notFound, type ErrorCode } from './errors.js';
import { auditAdminAction } from './officers.js';
import type { Officer } from './sessions.js';

export const BankOfficeView = z.object({ code: z.string(), name: z.string(), wardCodes: z.array(z.string()) });
export const AdminWardView = z.object({
  code: z.string(),
  name: z.string(),
  /** phường (urban ward) or xã (rural commune). */
  kind: z.enum(['phuong', 'xa']),
  district: z.string(),
  province: z.string(),
  transactionPoint: z.string(),
  /** The transaction point's day of the month. */
  transactionDay: z.number().int(),
  bankOfficeCode: z.string().nullable(),
  /** The mass organisations operating in the ward. */
  associationCodes: z.array(z.string()),
});
type AdminWardView = z.infer<typeof AdminWardView>;
type BankOfficeView = z.infer<typeof BankOfficeView>;

export interface WardFields {
  name: string;
  kind: 'phuong' | 'xa';
  district: string;
  province: string;
  transactionPoint: string;
  transactionDay: number;
  bankOfficeCode?: string | null | undefined;
}

const withAssociations = {
  associations: { select: { associationCode: true }, orderBy: { associationCode: 'asc' } },
} as const;
type WardRow = Prisma.WardGetPayload<{ include: typeof withAssociations }>;

const toWardView = (row: WardRow): AdminWardView =>
  AdminWardView.parse({ ...row, associationCodes: row.associations.map((a) => a.associationCode) });

/** A refusal about one field of the request. */
export const fieldError = (code: ErrorCode, path: string, message: string): AppError =>
  new AppError(code, message, [{ path, message }]);
const field = fieldError;

async function requireBankOffice(tx: Prisma.TransactionClient, code: string | null | undefined): Promise<void> {
  if (code && !(await tx.bankOffice.findUnique({ where: { code } }))) {
    throw field('UNKNOWN_BANK_OFFICE', 'bankOfficeCode', `No bank office ${code}`);
  }
}

export async function listBankOffices(prisma: PrismaClient): Promise<BankOfficeView[]> {
  const rows = await prisma.bankOffice.findMany({
    orderBy: { code: 'asc' },
    include: { wards: { select: { code: true }, orderBy: { code: 'asc' } } },
  });
  return rows.map((row) => BankOfficeView.parse({ ...row, wardCodes: row.wards.map((ward) => ward.code) }));
}

async function bankOfficeView(tx: Prisma.TransactionClient, code: string): Promise<BankOfficeView> {
  const row = await tx.bankOffice.findUniqueOrThrow({
    where: { code },
    include: { wards: { select: { code: true }, orderBy: { code: 'asc' } } },
  });
  return BankOfficeView.parse({ ...row, wardCodes: row.wards.map((ward) => ward.code) });
}

export async function createBankOffice(
  prisma: PrismaClient,
  admin: Officer,
  input: { code: string; name: string },
): Promise<BankOfficeView> {
  return prisma.$transaction(async (tx) => {
    if (await tx.bankOffice.findUnique({ where: { code: input.code } })) {
      throw field('BANK_OFFICE_EXISTS', 'code', `Bank office ${input.code} exists`);
    }
    await tx.bankOffice.create({ data: input });
    await auditAdminAction(tx, admin, 'BANK_OFFICE_CREATED', input);
    return bankOfficeView(tx, input.code);
  });
}

export async function changeBankOffice(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  patch: { name?: string | undefined },
): Promise<BankOfficeView> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.bankOffice.findUnique({ where: { code } }))) throw notFound('Bank office');
    await tx.bankOffice.update({
      where: { code },
      data: { ...(patch.name !== undefined ? { name: patch.name } : {}) },
    });
    await auditAdminAction(tx, admin, 'BANK_OFFICE_CHANGED', { code, ...patch });
    return bankOfficeView(tx, code);
  });
}

export async function listWards(prisma: PrismaClient): Promise<AdminWardView[]> {
  const rows = await prisma.ward.findMany({ orderBy: { code: 'asc' }, include: withAssociations });
  return rows.map(toWardView);
}

export async function createWard(
  prisma: PrismaClient,
  admin: Officer,
  input: WardFields & { code: string; associationCodes?: string[] | undefined },
): Promise<AdminWardView> {
  const { associationCodes = [], ...ward } = input;
  return prisma.$transaction(async (tx) => {
    if (await tx.ward.findUnique({ where: { code: ward.code } })) {
      throw field('WARD_EXISTS', 'code', `Ward ${ward.code} exists`);
    }
    await requireBankOffice(tx, ward.bankOfficeCode);
    await requireAssociations(tx, associationCodes);
    await tx.ward.create({ data: { ...ward, bankOfficeCode: ward.bankOfficeCode ?? null } });
    await tx.wardAssociation.createMany({
      data: associationCodes.map((associationCode) => ({ wardCode: ward.code, associationCode })),
    });
    await auditAdminAction(tx, admin, 'WARD_CREATED', { ...ward, associationCodes });
    return toWardView(await tx.ward.findUniqueOrThrow({ where: { code: ward.code }, include: withAssociations }));
  });
}

/**
 * Changes a ward. Moving it to another bank office moves its loan files and overdue debts with it: bank
 * officers' scope is the wards their office serves.
 */
export async function changeWard(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  patch: Partial<WardFields>,
): Promise<AdminWardView> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.ward.findUnique({ where: { code } });
    if (!before) throw notFound('Ward');
    await requireBankOffice(tx, patch.bankOfficeCode);
    const data = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await tx.ward.update({ where: { code }, data });
    await auditAdminAction(tx, admin, 'WARD_CHANGED', {
      code,
      ...data,
      ...(patch.bankOfficeCode !== undefined ? { previousBankOfficeCode: before.bankOfficeCode } : {}),
    });
    return toWardView(await tx.ward.findUniqueOrThrow({ where: { code }, include: withAssociations }));
  });
}

async function requireAssociations(tx: Prisma.TransactionClient, codes: string[]): Promise<void> {
  const known = await tx.massOrganisation.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const unknown = codes.filter((code) => !known.some((row) => row.code === code));
  if (unknown.length > 0) {
    throw field('UNKNOWN_ASSOCIATION', 'associationCodes', `No mass organisation ${unknown.join(', ')}`);
  }
}

/**
 * Replaces the mass organisations operating in a ward. One that still manages a group there cannot leave:
 * move or close the group first.
 */
export async function setWardAssociations(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  associationCodes: string[],
): Promise<AdminWardView> {
  const wanted = [...new Set(associationCodes)].sort();
  return prisma.$transaction(async (tx) => {
    if (!(await tx.ward.findUnique({ where: { code } }))) throw notFound('Ward');
    await requireAssociations(tx, wanted);
    const inUse = await tx.savingsGroup.findMany({
      where: { wardCode: code, associationCode: { notIn: wanted } },
      select: { code: true, associationCode: true },
      orderBy: { code: 'asc' },
    });
    if (inUse.length > 0) {
      const list = inUse.map((group) => `${group.associationCode} (${group.code})`).join(', ');
      throw field('ASSOCIATION_IN_USE', 'associationCodes', `Still managing groups in ward ${code}: ${list}`);
    }
    await tx.wardAssociation.deleteMany({ where: { wardCode: code, associationCode: { notIn: wanted } } });
    await tx.wardAssociation.createMany({
      data: wanted.map((associationCode) => ({ wardCode: code, associationCode })),
      skipDuplicates: true,
    });
    await auditAdminAction(tx, admin, 'WARD_ASSOCIATIONS_SET', { code, associationCodes: wanted });
    return toWardView(await tx.ward.findUniqueOrThrow({ where: { code }, include: withAssociations }));
  });
}
