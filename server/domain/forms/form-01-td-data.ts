import type { PrismaClient } from '../../../prisma/generated/client.js';
import {
  ASSOCIATION_LABELS,
  CATEGORY_LABELS,
  type AssociationCode,
  type HouseholdCategory,
} from '../../../workflows/domain.js';
import { toVietnamDate } from '../../../workflows/calendar/working-days.js';
import type { Form01Data } from './form-01-td.js';

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The group leader as the group's member list names them (the first LEADER still in the group). */
export async function groupLeaderName(prisma: PrismaClient, groupCode: string): Promise<string | null> {
  const leader = await prisma.groupMember.findFirst({
    where: { groupCode, role: 'LEADER', leftOn: null },
    orderBy: { joinedOn: 'asc' },
    select: { fullName: true },
  });
  return leader?.fullName ?? null;
}

/** What form 01/TD prints for an application the caller has already been found allowed to see. */
export async function readForm01Data(prisma: PrismaClient, applicationId: string): Promise<Form01Data> {
  const row = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: { program: true, ward: { include: { bankOffice: true } }, group: true },
  });
  const association = ASSOCIATION_LABELS[row.associationCode as AssociationCode];
  const approved =
    row.approvedAmount !== null && row.approvedTermMonths !== null && row.annualRatePercent !== null
      ? {
          amount: Number(row.approvedAmount),
          termMonths: row.approvedTermMonths,
          annualRatePercent: row.annualRatePercent.toString(),
          disbursementOn: row.disbursementOn ? isoDate(row.disbursementOn) : null,
        }
      : null;
  return {
    code: row.code,
    programmeName: row.program.nameVi,
    bankOfficeName: row.ward.bankOffice?.name ?? '',
    borrowerName: row.borrowerName,
    borrowerBirthDate: isoDate(row.borrowerBirthDate),
    citizenId: row.borrowerCitizenId,
    village: row.village,
    wardName: row.ward.name,
    district: row.ward.district,
    province: row.ward.province,
    categoryName: CATEGORY_LABELS[row.householdCategory as HouseholdCategory]?.vi ?? row.householdCategory,
    groupName: row.group.name,
    groupLeader: await groupLeaderName(prisma, row.groupCode),
    associationName: association?.vi ?? row.associationCode,
    amount: Number(row.amountRequested),
    termMonths: row.termMonths,
    purpose: row.purpose,
    usePlan: row.usePlan,
    submittedOn: toVietnamDate(row.submittedAt.getTime()),
    approved,
  };
}
