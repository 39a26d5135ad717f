/**
 * The administrator's pages that edit one ward (its details and its associations) and one savings group (its
 * name and village, and its leader): the same use cases and schemas as PATCH /api/admin/wards/:code,
 * PUT /api/admin/wards/:code/associations, PATCH /api/admin/groups/:code and
 * PATCH /api/admin/groups/:code/members/:memberId. Mounted after the admin router's role check.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import { z } from 'zod';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../../domain/errors.js';
import { changeGroup, changeMember, listMembers } from '../../domain/groups-admin.js';
import { changeWard, listBankOffices, listWards, setWardAssociations } from '../../domain/reference-admin.js';
import { listGroups } from '../../domain/reference-data.js';
import {
  GroupPatchBody,
  MemberPatchBody,
  WardAssociationsBody,
  WardPatchBody,
} from '../../http/routes/reference-admin.js';
import { pageContext } from '../context.js';
import { numberOrText } from '../form-values.js';
import { AdminGroupPage, type AdminGroupPageData, type GroupForm } from '../pages/admin-group-page.js';
import { AdminWardPage, type AdminWardPageData, type WardForm } from '../pages/admin-ward-page.js';
import { sendPage } from '../render.js';
import { checked, formValues, noticeOf, submitForm, type Refusal } from './admin-forms.js';

const WARD_FIELDS = ['name', 'kind', 'district', 'province', 'transactionPoint', 'transactionDay', 'bankOfficeCode'];
const GROUP_FIELDS = ['name', 'village'];
const CodeParam = z.object({ code: z.string().min(1).max(40) });
const NOTICES = {
  ward: 'wardChanged',
  associations: 'associationsChanged',
  group: 'groupChanged',
  leader: 'leaderChanged',
} as const;

/** The form as the PATCH body reads it: every field sent, no bank office as null, the day a number. */
function wardPatch(values: Record<string, string>): Record<string, unknown> {
  return {
    ...values,
    transactionDay: numberOrText(values.transactionDay ?? ''),
    bankOfficeCode: values.bankOfficeCode || null,
  };
}

const asRefused = <Form extends string>(form: Form, refusal: Refusal) => ({
  form,
  errors: refusal.fields,
  general: refusal.general,
});

export function adminWardEditHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  async function showWard(res: Response, code: string, extra: Partial<AdminWardPageData> = {}, status = 200) {
    const [wards, bankOffices] = await Promise.all([listWards(prisma), listBankOffices(prisma)]);
    const ward = wards.find((row) => row.code === code);
    if (!ward) throw notFound('Ward');
    const values = Object.fromEntries(WARD_FIELDS.map((name) => [name, String(ward[name as keyof typeof ward] ?? '')]));
    const data = { ward, bankOffices, values, associationCodes: ward.associationCodes, ...extra };
    sendPage(res, h(AdminWardPage, { ctx: pageContext(res), data }), status);
  }

  /** Runs one of the ward page's forms: a redirect with its notice, or the page again with the refusal. */
  async function actOnWard(
    res: Response,
    code: string,
    form: WardForm,
    keep: Partial<AdminWardPageData>,
    action: () => Promise<unknown>,
  ) {
    await submitForm(res, action, `/admin/wards/${encodeURIComponent(code)}?done=${form}`, (refusal) =>
      showWard(res, code, { ...keep, refused: asRefused(form, refusal) }, refusal.status),
    );
  }

  router.get('/admin/wards/:code', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    await showWard(res, code, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/wards/:code', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const values = formValues(req.body, WARD_FIELDS);
    const admin = pageContext(res).officer!;
    await actOnWard(res, code, 'ward', { values }, () =>
      changeWard(prisma, admin, code, WardPatchBody.parse(wardPatch(values))),
    );
  });

  router.post('/admin/wards/:code/associations', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const associationCodes = checked((req.body as Record<string, unknown>).associationCodes);
    const admin = pageContext(res).officer!;
    await actOnWard(res, code, 'associations', { associationCodes }, async () => {
      const body = WardAssociationsBody.parse({ associationCodes });
      return setWardAssociations(prisma, admin, code, body.associationCodes);
    });
  });

  async function groupOf(code: string) {
    const group = (await listGroups(prisma, undefined)).find((row) => row.code === code);
    if (!group) throw notFound('Group');
    return { ...group, members: await listMembers(prisma, code) };
  }

  async function showGroup(res: Response, code: string, extra: Partial<AdminGroupPageData> = {}, status = 200) {
    const group = await groupOf(code);
    const ward = (await listWards(prisma)).find((row) => row.code === group.wardCode) ?? {
      code: group.wardCode,
      name: group.wardCode,
    };
    const leader = group.members.find((member) => !member.leftOn && member.role === 'LEADER');
    const values = { name: group.name, village: group.village, memberId: leader?.id ?? '', ...extra.values };
    const data = { group, ward: { code: ward.code, name: ward.name }, ...extra, values };
    sendPage(res, h(AdminGroupPage, { ctx: pageContext(res), data }), status);
  }

  async function actOnGroup(
    res: Response,
    code: string,
    form: GroupForm,
    values: Record<string, string>,
    action: () => Promise<unknown>,
  ) {
    await submitForm(res, action, `/admin/groups/${encodeURIComponent(code)}?done=${form}`, (refusal) =>
      showGroup(res, code, { values, refused: asRefused(form, refusal) }, refusal.status),
    );
  }

  router.get('/admin/groups/:code', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    await showGroup(res, code, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/groups/:code', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const values = formValues(req.body, GROUP_FIELDS);
    const admin = pageContext(res).officer!;
    await actOnGroup(res, code, 'group', values, () => changeGroup(prisma, admin, code, GroupPatchBody.parse(values)));
  });

  /** The chosen current member becomes the leader first, then any other leader a member: never a group without one. */
  router.post('/admin/groups/:code/leader', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const values = formValues(req.body, ['memberId']);
    const admin = pageContext(res).officer!;
    const group = await groupOf(code);
    const current = group.members.filter((member) => !member.leftOn);
    await actOnGroup(res, code, 'leader', values, async () => {
      const ids = current.map((member) => member.id);
      const { memberId } = z.object({ memberId: z.enum(ids as [string, ...string[]]) }).parse(values);
      await changeMember(prisma, admin, code, memberId, MemberPatchBody.parse({ role: 'LEADER' }), today());
      for (const member of current.filter((row) => row.role === 'LEADER' && row.id !== memberId)) {
        await changeMember(prisma, admin, code, member.id, MemberPatchBody.parse({ role: 'MEMBER' }), today());
      }
    });
  });

  return router;
}
