/** Officer accounts as the administrator manages them: role and scope always agree with reference data. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import type { Role } from '../../workflows/domain.js';
import { ROLE_SCOPE } from '../../workflows/rules/authority.js';
import type { Officer } from './sessions.js';
import { AppError } from './errors.js';

export const OfficerView = z.object({
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  wardCode: z.string().nullable(),
  associationCode: z.string().nullable(),
  groupCode: z.string().nullable(),
  bankOfficeCode: z.string().nullable(),
  hasCitizenId: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

type AccountRow = Prisma.OfficerAccountGetPayload<object>;

export function toOfficerView(row: AccountRow): z.infer<typeof OfficerView> {
  return OfficerView.parse({ ...row, hasCitizenId: row.citizenId !== null, createdAt: row.createdAt.toISOString() });
}

export interface ScopeFields {
  wardCode?: string | null | undefined;
  associationCode?: string | null | undefined;
  groupCode?: string | null | undefined;
  bankOfficeCode?: string | null | undefined;
}

interface Scope {
  wardCode: string | null;
  associationCode: string | null;
  groupCode: string | null;
  bankOfficeCode: string | null;
}

const invalid = (path: string, message: string) => new AppError('INVALID_SCOPE', message, [{ path, message }]);

/** Checks that the scope a role needs is given and exists, and drops what the role does not use. */
export async function resolveScope(prisma: PrismaClient, role: Role, fields: ScopeFields): Promise<Scope> {
  const none: Scope = { wardCode: null, associationCode: null, groupCode: null, bankOfficeCode: null };
  switch (ROLE_SCOPE[role]) {
    case null:
      return none;
    case 'ward': {
      if (!fields.wardCode || !(await prisma.ward.findUnique({ where: { code: fields.wardCode } }))) {
        throw invalid('wardCode', 'A ward officer needs an existing wardCode');
      }
      return { ...none, wardCode: fields.wardCode };
    }
    case 'association': {
      if (!fields.wardCode || !(await prisma.ward.findUnique({ where: { code: fields.wardCode } }))) {
        throw invalid('wardCode', 'An association officer needs an existing wardCode');
      }
      const code = fields.associationCode;
      if (!code || !(await prisma.massOrganisation.findUnique({ where: { code } }))) {
        throw invalid('associationCode', 'An association officer needs an existing associationCode');
      }
      return { ...none, wardCode: fields.wardCode, associationCode: code };
    }
    case 'group': {
      const group = fields.groupCode
        ? await prisma.savingsGroup.findUnique({ where: { code: fields.groupCode } })
        : null;
      if (!group) throw invalid('groupCode', 'A group leader needs an existing groupCode');
      return { ...none, groupCode: group.code, wardCode: group.wardCode };
    }
    case 'bank-office': {
      const code = fields.bankOfficeCode;
      if (!code || !(await prisma.bankOffice.findUnique({ where: { code } }))) {
        throw invalid('bankOfficeCode', 'A bank officer needs an existing bankOfficeCode');
      }
      return { ...none, bankOfficeCode: code };
    }
  }
}

/** Revokes every session of an account: its tokens stop working at the next request. */
export async function revokeSessions(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  await tx.authSession.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Administrative changes (accounts, programmes, calendar, debts) are audited with no application attached. */
export async function auditAdminAction(
  tx: Prisma.TransactionClient,
  admin: Officer,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      eventId: `admin:${randomUUID()}`,
      type,
      actorUsername: admin.username,
      actorRole: admin.role,
      actorScope: null,
      data: data as Prisma.InputJsonValue,
      occurredAt: new Date(),
    },
  });
}
