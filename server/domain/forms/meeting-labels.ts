/** How the meeting's forms name the group's association and say why a household was not proposed. Pure. */
import {
  ASSOCIATION_LABELS,
  CATEGORY_LABELS,
  type AssociationCode,
  type HouseholdCategory,
} from '../../../workflows/domain.js';

export const associationName = (code: string): string => ASSOCIATION_LABELS[code as AssociationCode]?.vi ?? code;

export const categoryName = (code: string): string => CATEGORY_LABELS[code as HouseholdCategory]?.vi ?? code;

/** The group's meeting forms are issued by the group under its association: "Hội Nông dân Phường Hòa Bình", the group. */
export const groupIssuer = (group: { name: string; wardName: string; associationCode: string }): string[] => [
  `${associationName(group.associationCode)} ${group.wardName}`.toUpperCase(),
  group.name.toUpperCase(),
];

/** An item the meeting did not decide, in the words of the form; an unknown refusal keeps its code. */
export function notDecidedText(failure: { code: string } | null): string {
  if (failure?.code === 'NO_QUORUM') return 'Chưa bình xét: không đủ số tổ viên tham gia biểu quyết';
  return `Chưa bình xét (${failure?.code ?? 'chưa quyết định'})`;
}
