/**
 * Savings and loan groups (Tổ TK&VV) and their members, as the administrator keeps them. A group belongs to
 * one ward and is managed by a mass organisation operating there; a member who leaves is marked, never deleted
 * (past votes and applications name them), and counts no more towards the group's quorum.
 */
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../prisma/generated/client.js';
import { notFound } from './errors.js';
import { auditAdminAction } from './officers.js';
import { fieldError } from './reference-admin.js';
import type { Officer } from './sessions.js';

export const MEMBER_ROLES = ['LEADER', 'DEPUTY', 'MEMBER'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const AdminGroupView = z.object({
  code: z.string(),
  name: z.string(),
  village: z.string(),
  wardCode: z.string(),
  associationCode: z.string(),
  memberCount: z.number().int(),
});
export const MemberView = z.object({
  id: z.string(),
  fullName: z.string(),
  citizenId: z.string(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
type AdminGroupView = z.infer<typeof AdminGroupView>;
type MemberView = z.infer<typeof MemberView>;
type Tx = Prisma.TransactionClient;

const day = (date: Date): string => date.toISOString().slice(0, 10);
const asDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A membership date is a fact: it cannot lie after today (Vietnam). */
function notInFuture(path: string, date: string, today: string): void {
  if (date > today) throw fieldError('DATE_IN_FUTURE', path, `${path} ${date} is after today (${today})`);
}

async function groupView(tx: Tx, code: string): Promise<AdminGroupView> {
  const row = await tx.savingsGroup.findUniqueOrThrow({
    where: { code },
    include: { _count: { select: { members: { where: { leftOn: null } } } } },
  });
  return AdminGroupView.parse({ ...row, memberCount: row._count.members });
}

const toMemberView = (row: Prisma.GroupMemberGetPayload<object>): MemberView =>
  MemberView.parse({ ...row, joinedOn: day(row.joinedOn), leftOn: row.leftOn ? day(row.leftOn) : null });

export async function createGroup(
  prisma: PrismaClient,
  admin: Officer,
  input: { code: string; name: string; village: string; wardCode: string; associationCode: string },
): Promise<AdminGroupView> {
  return prisma.$transaction(async (tx) => {
    if (await tx.savingsGroup.findUnique({ where: { code: input.code } })) {
      throw fieldError('GROUP_EXISTS', 'code', `Group ${input.code} exists`);
    }
    if (!(await tx.ward.findUnique({ where: { code: input.wardCode } }))) {
      throw fieldError('UNKNOWN_WARD', 'wardCode', `No ward ${input.wardCode}`);
    }
    const operates = await tx.wardAssociation.findUnique({
      where: { wardCode_associationCode: { wardCode: input.wardCode, associationCode: input.associationCode } },
    });
    if (!operates) {
      throw fieldError(
        'ASSOCIATION_NOT_IN_WARD',
        'associationCode',
        `${input.associationCode} does not operate in ward ${input.wardCode} (PUT /api/admin/wards/${input.wardCode}/associations)`,
      );
    }
    await tx.savingsGroup.create({ data: input });
    await auditAdminAction(tx, admin, 'GROUP_CREATED', input);
    return groupView(tx, input.code);
  });
}

/** Name and village only: the ward and association of a group are fixed, since its applications carry them. */
export async function changeGroup(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  patch: { name?: string | undefined; village?: string | undefined },
): Promise<AdminGroupView> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.savingsGroup.findUnique({ where: { code } }))) throw notFound('Group');
    const data = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    await tx.savingsGroup.update({ where: { code }, data });
    await auditAdminAction(tx, admin, 'GROUP_CHANGED', { code, ...data });
    return groupView(tx, code);
  });
}

export async function listMembers(prisma: PrismaClient, code: string): Promise<MemberView[]> {
  if (!(await prisma.savingsGroup.findUnique({ where: { code } }))) throw notFound('Group');
  const rows = await prisma.groupMember.findMany({
    where: { groupCode: code },
    orderBy: [{ joinedOn: 'asc' }, { fullName: 'asc' }],
  });
  return rows.map(toMemberView);
}

export async function addMember(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  input: { fullName: string; citizenId: string; role?: MemberRole | undefined; joinedOn?: string | undefined },
  today: string,
): Promise<MemberView> {
  // Today in Vietnam, not the database's UTC date, which is yesterday before 07:00 there.
  const joinedOn = input.joinedOn ?? today;
  notInFuture('joinedOn', joinedOn, today);
  return prisma.$transaction(async (tx) => {
    if (!(await tx.savingsGroup.findUnique({ where: { code } }))) throw notFound('Group');
    if (
      await tx.groupMember.findUnique({
        where: { groupCode_citizenId: { groupCode: code, citizenId: input.citizenId } },
      })
    ) {
      // A member who left comes back through PATCH (leftOn: null), so their history stays one row.
      throw fieldError('MEMBER_EXISTS', 'citizenId', 'This citizen is already (or was) a member of the group');
    }
    const row = await tx.groupMember.create({
      data: {
        groupCode: code,
        fullName: input.fullName,
        citizenId: input.citizenId,
        role: input.role ?? 'MEMBER',
        joinedOn: asDate(joinedOn),
      },
    });
    await auditAdminAction(tx, admin, 'GROUP_MEMBER_ADDED', { groupCode: code, memberId: row.id, role: row.role });
    return toMemberView(row);
  });
}

export async function changeMember(
  prisma: PrismaClient,
  admin: Officer,
  code: string,
  memberId: string,
  patch: { fullName?: string | undefined; role?: MemberRole | undefined; leftOn?: string | null | undefined },
  today: string,
): Promise<MemberView> {
  if (patch.leftOn) notInFuture('leftOn', patch.leftOn, today);
  return prisma.$transaction(async (tx) => {
    const member = await tx.groupMember.findFirst({ where: { id: memberId, groupCode: code } });
    if (!member) throw notFound('Group member');
    if (patch.leftOn && patch.leftOn < day(member.joinedOn)) {
      throw fieldError('VALIDATION_FAILED', 'leftOn', `leftOn is before the member joined (${day(member.joinedOn)})`);
    }
    const row = await tx.groupMember.update({
      where: { id: memberId },
      data: {
        ...(patch.fullName !== undefined ? { fullName: patch.fullName } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.leftOn !== undefined ? { leftOn: patch.leftOn === null ? null : asDate(patch.leftOn) } : {}),
      },
    });
    await auditAdminAction(tx, admin, 'GROUP_MEMBER_CHANGED', {
      groupCode: code,
      memberId,
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.leftOn !== undefined ? { leftOn: patch.leftOn } : {}),
      ...(patch.fullName !== undefined ? { renamed: true } : {}),
    });
    return toMemberView(row);
  });
}
