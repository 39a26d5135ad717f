/** Who may see which loan: the application's scopes, read over the loan book. */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { ROLE_SCOPE } from '../../../workflows/rules/authority.js';
import { notFound } from '../errors.js';
import type { Officer } from '../sessions.js';

const NOTHING: Prisma.LoanWhereInput = { id: { in: [] } };

/** The loans an officer may read; administrators keep reference data, not loan files. */
export function loansReadableBy(officer: Officer): Prisma.LoanWhereInput {
  switch (ROLE_SCOPE[officer.role]) {
    case null:
      return NOTHING;
    case 'ward':
      return officer.wardCode ? { wardCode: officer.wardCode } : NOTHING;
    case 'association':
      return officer.wardCode && officer.associationCode
        ? { wardCode: officer.wardCode, associationCode: officer.associationCode }
        : NOTHING;
    case 'group':
      return officer.groupCode ? { groupCode: officer.groupCode } : NOTHING;
    case 'bank-office':
      return officer.bankOfficeCode ? { application: { ward: { bankOfficeCode: officer.bankOfficeCode } } } : NOTHING;
  }
}

export interface LoanRef {
  id: string;
  code: string;
  workflowId: string;
  status: string;
  groupCode: string;
}

/** The loan, if the caller may see it; out of scope answers the same 404 as a loan that does not exist. */
export async function findLoan(prisma: PrismaClient, id: string, officer: Officer): Promise<LoanRef> {
  const row = await prisma.loan.findFirst({
    where: { AND: [{ id }, loansReadableBy(officer)] },
    select: { id: true, code: true, workflowId: true, status: true, groupCode: true },
  });
  if (!row) throw notFound('Loan');
  return row;
}
