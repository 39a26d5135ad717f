/**
 * What an import would change in a ward's registry, keyed by (ward, household id). Fields are compared after
 * normalisation (NFC, whitespace, relationship spelling, member order), so re-importing the file a registry
 * was exported to, or the same file again, changes nothing.
 */
import { canonicalRelationship, normaliseText } from './format.js';
import type { RegistryHousehold, RegistryMember } from './types.js';

export const REGISTRY_CHANGES = ['village', 'category', 'listedOn', 'expiresOn', 'head', 'members'] as const;
export type RegistryChange = (typeof REGISTRY_CHANGES)[number];

export interface RegistryUpdate {
  before: RegistryHousehold;
  after: RegistryHousehold;
  changes: RegistryChange[];
}

export interface RegistryDiff {
  /** Incoming households the registry does not have. */
  create: RegistryHousehold[];
  /** Incoming households that differ from the registry's. */
  update: RegistryUpdate[];
  /** Incoming households identical to the registry's. */
  unchanged: number;
  /** Registry households the file does not mention: an import never removes them by itself; the caller decides. */
  missing: RegistryHousehold[];
}

const keyOf = (h: RegistryHousehold): string => `${h.wardCode}\u0000${normaliseText(h.householdId)}`;

const memberKey = (m: RegistryMember): string =>
  [m.citizenId ?? '', m.fullName, m.birthDate, m.relationship].join('\u0000');

/** The household as the registry compares it; members sorted, since their order in a file means nothing. */
export function normaliseHousehold(h: RegistryHousehold): RegistryHousehold {
  const members = h.members.map((m) => ({
    fullName: normaliseText(m.fullName),
    citizenId: m.citizenId,
    birthDate: m.birthDate,
    relationship: canonicalRelationship(m.relationship),
  }));
  const village = h.village === null ? '' : normaliseText(h.village);
  return {
    wardCode: h.wardCode,
    householdId: normaliseText(h.householdId),
    village: village === '' ? null : village,
    category: h.category,
    listedOn: h.listedOn,
    expiresOn: h.expiresOn,
    head: { fullName: normaliseText(h.head.fullName), citizenId: h.head.citizenId, birthDate: h.head.birthDate },
    members: members.sort((a, b) => (memberKey(a) < memberKey(b) ? -1 : memberKey(a) > memberKey(b) ? 1 : 0)),
  };
}

function changesBetween(before: RegistryHousehold, after: RegistryHousehold): RegistryChange[] {
  const a = normaliseHousehold(before);
  const b = normaliseHousehold(after);
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return REGISTRY_CHANGES.filter((field) => !same(a[field], b[field]));
}

/** Incoming households must have distinct (ward, household id) keys, as `parseRegistryFile` guarantees. */
export function diffRegistry(
  existing: readonly RegistryHousehold[],
  incoming: readonly RegistryHousehold[],
): RegistryDiff {
  const current = new Map(existing.map((h) => [keyOf(h), h]));
  const seen = new Set<string>();
  const diff: RegistryDiff = { create: [], update: [], unchanged: 0, missing: [] };
  for (const after of incoming) {
    const key = keyOf(after);
    if (seen.has(key)) throw new RangeError(`household ${after.householdId} appears twice in the incoming list`);
    seen.add(key);
    const before = current.get(key);
    if (before === undefined) {
      diff.create.push(after);
      continue;
    }
    const changes = changesBetween(before, after);
    if (changes.length === 0) diff.unchanged += 1;
    else diff.update.push({ before, after, changes });
  }
  diff.missing = existing.filter((h) => !seen.has(keyOf(h)));
  return diff;
}
