/**
 * The administrator's reference data: bank offices, wards and the mass organisations operating in them,
 * savings groups and their members. Handlers only: the rules live in server/domain (reference-admin,
 * groups-admin). Mounted inside the admin router, so every route here is admin-only.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { ASSOCIATION_CODES } from '../../../workflows/domain.js';
import {
  MEMBER_ROLES,
  addMember,
  changeGroup,
  changeMember,
  createGroup,
  listMembers,
} from '../../domain/groups-admin.js';
import {
  changeBankOffice,
  changeWard,
  createBankOffice,
  createWard,
  listWards,
  listBankOffices,
  setWardAssociations,
} from '../../domain/reference-admin.js';
import { requireOfficer } from '../middleware/auth.js';
import { CitizenId, IsoDate, line } from '../schemas.js';

/** New codes: capitals, digits and dashes, as the demo district's (HOABINH, HOABINH-01, PGD-KIENXUONG). */
const NewCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'capital letters, digits and dashes (2-40)');
const code = line(40);

export const NewBankOfficeBody = z.strictObject({ code: NewCode, name: line(200) });
export const BankOfficePatchBody = z.strictObject({ name: line(200).optional() });

const WardFields = {
  name: line(200),
  /** phường (urban ward) or xã (rural commune). */
  kind: z.enum(['phuong', 'xa']),
  district: line(200),
  province: line(200),
  transactionPoint: line(300),
  /** Day of the month of the commune transaction point; up to 28 so that every month has it. */
  transactionDay: z.number().int().min(1).max(28),
};
export const NewWardBody = z.strictObject({
  code: NewCode,
  ...WardFields,
  bankOfficeCode: code.optional(),
  associationCodes: z.array(z.enum(ASSOCIATION_CODES)).max(ASSOCIATION_CODES.length).optional(),
});
export const WardPatchBody = z.strictObject({
  name: WardFields.name.optional(),
  kind: WardFields.kind.optional(),
  district: WardFields.district.optional(),
  province: WardFields.province.optional(),
  transactionPoint: WardFields.transactionPoint.optional(),
  transactionDay: WardFields.transactionDay.optional(),
  bankOfficeCode: code.nullable().optional(),
});
export const WardAssociationsBody = z.strictObject({
  associationCodes: z.array(z.enum(ASSOCIATION_CODES)).max(ASSOCIATION_CODES.length),
});

export const NewGroupBody = z.strictObject({
  code: NewCode,
  name: line(200),
  village: line(200),
  wardCode: code,
  associationCode: z.enum(ASSOCIATION_CODES),
});
export const GroupPatchBody = z.strictObject({ name: line(200).optional(), village: line(200).optional() });

export const NewMemberBody = z.strictObject({
  fullName: line(200),
  citizenId: CitizenId,
  role: z.enum(MEMBER_ROLES).optional(),
  joinedOn: IsoDate.optional(),
});
/** `leftOn` marks the member as having left the group; null brings them back. */
export const MemberPatchBody = z.strictObject({
  fullName: line(200).optional(),
  role: z.enum(MEMBER_ROLES).optional(),
  leftOn: IsoDate.nullable().optional(),
});

const CodeParam = z.object({ code });
const MemberParams = z.object({ code, memberId: z.uuid() });

export function referenceAdminRoutes(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  router.get('/admin/bank-offices', async (_req, res) => {
    res.json(await listBankOffices(prisma));
  });

  router.post('/admin/bank-offices', async (req, res) => {
    const body = NewBankOfficeBody.parse(req.body);
    res.status(201).json(await createBankOffice(prisma, requireOfficer(res), body));
  });

  router.patch('/admin/bank-offices/:code', async (req, res) => {
    const { code: office } = CodeParam.parse(req.params);
    const patch = BankOfficePatchBody.parse(req.body);
    res.json(await changeBankOffice(prisma, requireOfficer(res), office, patch));
  });

  router.get('/admin/wards', async (_req, res) => {
    res.json(await listWards(prisma));
  });

  router.post('/admin/wards', async (req, res) => {
    const body = NewWardBody.parse(req.body);
    res.status(201).json(await createWard(prisma, requireOfficer(res), body));
  });

  router.patch('/admin/wards/:code', async (req, res) => {
    const { code: ward } = CodeParam.parse(req.params);
    const patch = WardPatchBody.parse(req.body);
    res.json(await changeWard(prisma, requireOfficer(res), ward, patch));
  });

  router.put('/admin/wards/:code/associations', async (req, res) => {
    const { code: ward } = CodeParam.parse(req.params);
    const { associationCodes } = WardAssociationsBody.parse(req.body);
    res.json(await setWardAssociations(prisma, requireOfficer(res), ward, associationCodes));
  });

  router.post('/admin/groups', async (req, res) => {
    const body = NewGroupBody.parse(req.body);
    res.status(201).json(await createGroup(prisma, requireOfficer(res), body));
  });

  router.patch('/admin/groups/:code', async (req, res) => {
    const { code: group } = CodeParam.parse(req.params);
    const patch = GroupPatchBody.parse(req.body);
    res.json(await changeGroup(prisma, requireOfficer(res), group, patch));
  });

  router.get('/admin/groups/:code/members', async (req, res) => {
    const { code: group } = CodeParam.parse(req.params);
    res.json(await listMembers(prisma, group));
  });

  router.post('/admin/groups/:code/members', async (req, res) => {
    const { code: group } = CodeParam.parse(req.params);
    const body = NewMemberBody.parse(req.body);
    res.status(201).json(await addMember(prisma, requireOfficer(res), group, body, today()));
  });

  router.patch('/admin/groups/:code/members/:memberId', async (req, res) => {
    const { code: group, memberId } = MemberParams.parse(req.params);
    const patch = MemberPatchBody.parse(req.body);
    res.json(await changeMember(prisma, requireOfficer(res), group, memberId, patch, today()));
  });

  return router;
}
