/**
 * The administrator's pages on wards, savings groups and their members: the same use cases and schemas as the
 * API's /api/admin/wards and /api/admin/groups routes. Mounted after the admin router's role check.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { notFound } from '../../domain/errors.js';
import { addMember, changeMember, createGroup, listMembers } from '../../domain/groups-admin.js';
import { createWard, listBankOffices, listWards } from '../../domain/reference-admin.js';
import { listGroups } from '../../domain/reference-data.js';
import { NewGroupBody, NewMemberBody, NewWardBody } from '../../http/routes/reference-admin.js';
import { pageContext } from '../context.js';
import { numberOrText } from '../form-values.js';
import { AdminGroupsPage, type AdminGroupsPageData } from '../pages/admin-groups-page.js';
import { AdminWardsPage, type AdminWardsPageData } from '../pages/admin-wards-page.js';
import { sendPage } from '../render.js';
import { checked, formValues, noticeOf, submitForm, type Refusal } from './admin-forms.js';
import { z } from 'zod';

const WARD_FIELDS = [
  'code',
  'name',
  'kind',
  'district',
  'province',
  'transactionPoint',
  'transactionDay',
  'bankOfficeCode',
];
const GROUP_FIELDS = ['code', 'name', 'village', 'associationCode'];
const MEMBER_FIELDS = ['fullName', 'citizenId'];
const CodeParam = z.object({ code: z.string().min(1).max(40) });
const MemberParams = z.object({ code: z.string().min(1).max(40), memberId: z.uuid() });

/** Form strings as the API's bodies read them: empty fields absent, the transaction day a number. */
function wardBody(values: Record<string, string>, associationCodes: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === '') continue;
    body[name] = name === 'transactionDay' ? numberOrText(value) : value;
  }
  return { ...body, associationCodes };
}

const present = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));

const refusedForm = (form: string, values: Record<string, string>, refusal: Refusal) => ({
  form,
  values,
  errors: refusal.fields,
  general: refusal.general,
});

const NOTICES = {
  ward: 'wardCreated',
  group: 'groupCreated',
  member: 'memberAdded',
  left: 'memberLeft',
} as const;

export function adminWardHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  async function showWards(res: Response, extra: Partial<AdminWardsPageData>, status = 200) {
    const [wards, bankOffices] = await Promise.all([listWards(prisma), listBankOffices(prisma)]);
    const data = { wards, bankOffices, values: {}, associationCodes: [], errors: {}, ...extra };
    sendPage(res, h(AdminWardsPage, { ctx: pageContext(res), data }), status);
  }

  router.get('/admin/wards', async (req, res) => {
    await showWards(res, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/wards', async (req, res) => {
    const values = formValues(req.body, WARD_FIELDS);
    const associationCodes = checked((req.body as Record<string, unknown>).associationCodes);
    await submitForm(
      res,
      () => createWard(prisma, pageContext(res).officer!, NewWardBody.parse(wardBody(values, associationCodes))),
      '/admin/wards?done=ward',
      (refusal) =>
        showWards(res, { values, associationCodes, errors: refusal.fields, general: refusal.general }, refusal.status),
    );
  });

  async function showGroups(res: Response, wardCode: string, extra: Partial<AdminGroupsPageData>, status = 200) {
    const ward = (await listWards(prisma)).find((row) => row.code === wardCode);
    if (!ward) throw notFound('Ward');
    const groups = await Promise.all(
      (await listGroups(prisma, wardCode)).map(async (group) => ({
        code: group.code,
        name: group.name,
        village: group.village,
        associationCode: group.associationCode,
        members: await listMembers(prisma, group.code),
      })),
    );
    sendPage(res, h(AdminGroupsPage, { ctx: pageContext(res), data: { ward, groups, ...extra } }), status);
  }

  const groupsPath = (wardCode: string, done: keyof typeof NOTICES) =>
    `/admin/wards/${encodeURIComponent(wardCode)}/groups?done=${done}`;

  router.get('/admin/wards/:code/groups', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    await showGroups(res, code, { notice: noticeOf(res, NOTICES, req.query.done) });
  });

  router.post('/admin/wards/:code/groups', async (req, res) => {
    const { code: wardCode } = CodeParam.parse(req.params);
    const values = formValues(req.body, GROUP_FIELDS);
    await submitForm(
      res,
      () => createGroup(prisma, pageContext(res).officer!, NewGroupBody.parse({ ...present(values), wardCode })),
      groupsPath(wardCode, 'group'),
      (refusal) => showGroups(res, wardCode, { refused: refusedForm('group', values, refusal) }, refusal.status),
    );
  });

  /** The group's ward, for the page to return to; a missing group is the 404 page. */
  async function wardOfGroup(code: string): Promise<string> {
    const group = (await listGroups(prisma, undefined)).find((row) => row.code === code);
    if (!group) throw notFound('Group');
    return group.wardCode;
  }

  router.post('/admin/groups/:code/members', async (req, res) => {
    const { code } = CodeParam.parse(req.params);
    const wardCode = await wardOfGroup(code);
    const values = formValues(req.body, MEMBER_FIELDS);
    await submitForm(
      res,
      () => addMember(prisma, pageContext(res).officer!, code, NewMemberBody.parse(present(values)), today()),
      groupsPath(wardCode, 'member'),
      (refusal) =>
        showGroups(res, wardCode, { refused: refusedForm(`member:${code}`, values, refusal) }, refusal.status),
    );
  });

  router.post('/admin/groups/:code/members/:memberId/left', async (req, res) => {
    const { code, memberId } = MemberParams.parse(req.params);
    const wardCode = await wardOfGroup(code);
    await changeMember(prisma, pageContext(res).officer!, code, memberId, { leftOn: today() }, today());
    res.redirect(303, groupsPath(wardCode, 'left'));
  });

  return router;
}
