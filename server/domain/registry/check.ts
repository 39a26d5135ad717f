/**
 * What the ward's household list says about an application's borrower, beside ward verification: the listing,
 * whether it matches the declared category, and a pre-filled decision.
 */
import type { PrismaClient } from '../../../prisma/generated/client.js';
import type { HouseholdCategory } from '../../../workflows/domain.js';
import { findApplication } from '../applications/index.js';
import type { Officer } from '../sessions.js';
import { formatDate } from './dates.js';
import { categoryLabel } from './format.js';
import { findListing, type CitizenListing } from './store.js';

/** A ward-verification decision the officer can send as it is, or change, from what the ward's list says. */
function prefillFor(listing: CitizenListing, declared: HouseholdCategory) {
  const h = listing.household;
  if (!h) {
    return {
      outcome: 'reject' as const,
      residenceConfirmed: false,
      listedCategory: declared,
      reason:
        `Không có trong danh sách hộ của phường (CCCD ${listing.citizenId}). — ` +
        `Not on the ward's household list (citizen id ${listing.citizenId}).`,
    };
  }
  if (!listing.active) {
    const since = listing.expired ? `hết hạn ngày ${formatDate(h.expiresOn)}` : `từ ${formatDate(h.listedOn)}`;
    const en = listing.expired ? `expired on ${h.expiresOn}` : `only from ${h.listedOn}`;
    return {
      outcome: 'reject' as const,
      residenceConfirmed: true,
      listedCategory: h.category,
      reason: `Hộ ${h.householdId} có tên trong danh sách nhưng ${since}. — Household ${h.householdId} is listed, ${en}.`,
    };
  }
  if (h.category !== declared) {
    return {
      outcome: 'return' as const,
      residenceConfirmed: true,
      listedCategory: h.category,
      reason:
        `Danh sách của phường ghi hộ ${h.householdId} là "${categoryLabel(h.category)}", hồ sơ khai ` +
        `"${categoryLabel(declared)}": đề nghị sửa lại. — The ward's list shows household ${h.householdId} as ` +
        `${h.category}, the application declares ${declared}: please amend.`,
    };
  }
  return { outcome: 'approve' as const, residenceConfirmed: true, listedCategory: h.category };
}

export async function checkAgainstRegistry(prisma: PrismaClient, officer: Officer, idOrCode: string, today: string) {
  const ref = await findApplication(prisma, idOrCode, officer);
  const app = await prisma.application.findUniqueOrThrow({
    where: { id: ref.id },
    select: { wardCode: true, householdCategory: true },
  });
  const declared = app.householdCategory as HouseholdCategory;
  const listing = await findListing(prisma, app.wardCode, ref.borrowerCitizenId, today);
  const h = listing.household;
  return {
    applicationId: ref.id,
    code: ref.code,
    wardCode: app.wardCode,
    citizenId: ref.borrowerCitizenId,
    declaredCategory: declared,
    asOf: listing.asOf,
    registry: {
      found: listing.found,
      role: listing.role,
      householdId: h?.householdId ?? null,
      village: h?.village ?? null,
      category: h?.category ?? null,
      listedOn: h?.listedOn ?? null,
      expiresOn: h?.expiresOn ?? null,
      active: listing.active,
      expired: listing.expired,
    },
    matchesDeclaredCategory: h ? h.category === declared : null,
    prefill: prefillFor(listing, declared),
  };
}
