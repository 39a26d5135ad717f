/**
 * The holiday calendar's page: a year's days, and the form that loads a year through the same schema and use
 * case as PUT /api/admin/calendar/:year. Mounted after the admin router's role check.
 */
import { Router, type Response } from 'express';
import { h } from 'preact';
import type { PrismaClient } from '../../../prisma/generated/client.js';
import { listCalendarDays, loadCalendarYear } from '../../domain/reference-data.js';
import { CalendarYearBody, CalendarYearParams } from '../../http/routes/admin.js';
import { calendarLines, LINE_MESSAGE, LINE_PROBLEMS, parseCalendarLines } from '../calendar-lines.js';
import { pageContext } from '../context.js';
import { formErrors } from '../form-errors.js';
import type { FieldMessages } from '../form-parts.js';
import type { Translate } from '../labels.js';
import { AdminCalendarPage, type AdminCalendarPageData } from '../pages/admin-calendar-page.js';
import { sendPage } from '../render.js';
import { formValues, noticeOf, refusalOf } from './admin-forms.js';

const LINE_FIELDS = [
  ['holidays', false],
  ['workingDays', true],
] as const;

interface Entry {
  field: string;
  line: number;
  date: string;
  working: boolean;
  nameVi: string;
  nameEn: string;
}

/** Both text areas' days, or the first wrong line's message beside its text area. */
function readLines(values: Record<string, string>, year: number, t: Translate): Entry[] | FieldMessages {
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const [field, working] of LINE_FIELDS) {
    const result = parseCalendarLines(values[field] ?? '', year, seen);
    if ('refused' in result) {
      const { line, problem, date } = result.refused;
      const text = t(LINE_PROBLEMS[problem]).replace('{line}', String(line)).replace('{date}', date);
      return { [field]: text.replace('{year}', String(year)) };
    }
    entries.push(...result.days.map((day) => ({ ...day, field, working })));
  }
  return entries;
}

export function adminCalendarHandlers(prisma: PrismaClient, today: () => string): Router {
  const router = Router();

  async function showYear(res: Response, year: number, extra: Partial<AdminCalendarPageData> = {}, status = 200) {
    const days = await listCalendarDays(prisma, year);
    const values = extra.values ?? {
      year: String(year),
      holidays: calendarLines(days.filter((day) => !day.working)),
      workingDays: calendarLines(days.filter((day) => day.working)),
    };
    const data = { year, days, errors: {}, ...extra, values };
    sendPage(res, h(AdminCalendarPage, { ctx: pageContext(res), data }), status);
  }

  router.get('/admin/calendar', async (req, res) => {
    const parsed = CalendarYearParams.safeParse({ year: req.query.year });
    const year = parsed.success ? parsed.data.year : Number(today().slice(0, 4));
    const loaded = noticeOf(res, { loaded: 'calendarLoaded' }, req.query.done);
    await showYear(res, year, { notice: loaded?.replace('{days}', String(Number(req.query.days) || 0)) });
  });

  router.post('/admin/calendar', async (req, res) => {
    const { t, officer } = pageContext(res);
    const values = formValues(req.body, ['year', ...LINE_FIELDS.map(([field]) => field)]);
    const parsed = CalendarYearParams.safeParse({ year: values.year });
    if (!parsed.success) {
      const shown = Number(today().slice(0, 4));
      await showYear(res, shown, { values, errors: { year: t('calendarYearInvalid') } }, 400);
      return;
    }
    const { year } = parsed.data;
    const entries = readLines(values, year, t);
    if (!Array.isArray(entries)) {
      await showYear(res, year, { values, errors: entries }, 400);
      return;
    }
    // A day loaded again keeps its kind (Tết, a bridging day); a new one is a holiday or a make-up working day.
    const kinds = new Map((await listCalendarDays(prisma, year)).map((day) => [day.date, day.kind]));
    const body = CalendarYearBody.safeParse({
      days: entries.map(({ date, working, nameVi, nameEn }) => ({
        date,
        working,
        kind: kinds.get(date) ?? (working ? 'make-up-working-day' : 'public-holiday'),
        nameVi,
        nameEn,
      })),
    });
    if (!body.success) {
      const issue = body.error.issues[0];
      const entry = entries[Number(issue?.path[1])];
      const message = Object.values(formErrors(body.error, t)?.fields ?? {})[0] ?? '';
      const errors = entry
        ? { [entry.field]: t(LINE_MESSAGE).replace('{line}', String(entry.line)).replace('{message}', message) }
        : { holidays: message };
      await showYear(res, year, { values, errors }, 400);
      return;
    }
    try {
      const loaded = await loadCalendarYear(prisma, officer!, year, body.data.days);
      res.redirect(303, `/admin/calendar?year=${year}&done=loaded&days=${loaded.days}`);
    } catch (error) {
      const refusal = refusalOf(res, error);
      if (!refusal) throw error;
      await showYear(res, year, { values, errors: refusal.fields, general: refusal.general }, refusal.status);
    }
  });

  return router;
}
