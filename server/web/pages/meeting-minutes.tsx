/**
 * A closed meeting, read-only: minutes 10C/TD (who attended, each household discussed with its ballots and
 * result, or why nothing was decided) and list 03/TD (the households proposed, with the total), and the links
 * to their printed forms.
 */
import { CATEGORY_LABELS, type HouseholdCategory } from '../../../workflows/domain.js';
import type { List03, Minutes } from '../../domain/batches/index.js';
import type { ErrorCode } from '../../domain/error-codes.js';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import { ERROR_MESSAGES } from '../error-messages.js';
import { DataTable, Facts, TotalsFoot } from '../page-parts.js';
import { fill } from './meeting-ballots.js';

type MinutesItem = Minutes['items'][number];

/** Why an item was not decided, in the visitor's language when the code is one of ours. */
function failureText(ctx: PageContext, failure: { code: string; message: string }): string {
  const known = (ERROR_MESSAGES as Record<string, { vi: string; en: string } | undefined>)[failure.code as ErrorCode];
  return known ? ctx.t(known) : failure.message;
}

function ItemResult({ ctx, item }: { ctx: PageContext; item: MinutesItem }) {
  const { t } = ctx;
  if (item.outcome === 'approve') return <strong class="verdict-passes">{t('resultApproved')}</strong>;
  if (item.outcome === 'reject') return <strong class="verdict-fails">{t('resultRejected')}</strong>;
  return (
    <>
      <strong class="verdict-refused">{t('resultUndecided')}</strong>
      {item.failure ? <span class="reason">: {failureText(ctx, item.failure)}</span> : null}
    </>
  );
}

function MinutesSection({ ctx, minutes }: { ctx: PageContext; minutes: Minutes }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t('minutesTitle')}</h2>
      <Facts
        facts={[
          [t('meetingDate'), formatDate(minutes.meetingDate)],
          [t('meetingPlace'), minutes.place],
          [t('minutesChair'), minutes.chair ?? ''],
          [t('associationOfficerName'), minutes.associationOfficerName],
          [t('villageHeadName'), minutes.villageHeadName],
          [t('minutesMembers'), String(minutes.membersTotal)],
          [t('minutesAttendees'), `${minutes.attendees.length}: ${minutes.attendees.join(', ')}`],
          minutes.absent.length > 0 && [t('minutesAbsent'), `${minutes.absent.length}: ${minutes.absent.join(', ')}`],
          minutes.closedAt && [t('minutesClosedAt'), formatDateTime(minutes.closedAt)],
        ]}
      />
      <DataTable
        caption={t('minutesTitle')}
        rows={minutes.items}
        rowKey={(item) => item.applicationCode}
        columns={[
          { header: t('colNo'), cell: (item) => item.position },
          { header: t('colBorrower'), cell: (item) => item.borrowerName },
          { header: t('colAmount'), class: 'num', headerClass: 'num', cell: (item) => formatMoney(item.amount, lang) },
          { header: t('colPurpose'), cell: (item) => item.purpose },
          { header: t('colTermMonths'), class: 'num', headerClass: 'num', cell: (item) => item.termMonths },
          { header: t('colRecused'), cell: (item) => item.recused.join(', ') },
          {
            header: t('colVotes'),
            cell: (item) =>
              item.tally ? `${item.tally.votesFor} / ${item.tally.votesAgainst} / ${item.tally.abstentions}` : '',
          },
          { header: t('colResult'), cell: (item) => <ItemResult ctx={ctx} item={item} /> },
        ]}
      />
    </section>
  );
}

function notProposedReason(ctx: PageContext, row: List03['notProposed'][number], minutes: Minutes): string {
  const item = minutes.items.find((i) => i.applicationCode === row.applicationCode);
  if (row.outcome === 'reject' && item?.tally) {
    const voters = item.tally.membersPresent - (item.tally.applicantPresent ? 1 : 0);
    return fill(ctx.t('notProposedRejected'), { for: item.tally.votesFor, voters });
  }
  return failureText(ctx, { code: row.code, message: row.reason });
}

function List03Section({ ctx, list, minutes }: { ctx: PageContext; list: List03; minutes: Minutes }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="list03-title">
      <h2 id="list03-title">{t('list03Title')}</h2>
      {list.rows.length === 0 ? (
        <p class="empty">{t('list03Empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('list03Title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colNo')}</th>
                <th scope="col">{t('colBorrower')}</th>
                <th scope="col">{t('colCategory')}</th>
                <th scope="col">{t('colProgramme')}</th>
                <th scope="col" class="num">
                  {t('colAmount')}
                </th>
                <th scope="col">{t('colPurpose')}</th>
                <th scope="col" class="num">
                  {t('colTermMonths')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.applicationCode}>
                  <td>{row.no}</td>
                  <td>{row.borrowerName}</td>
                  <td>{t(CATEGORY_LABELS[row.householdCategory as HouseholdCategory] ?? row.householdCategory)}</td>
                  <td>{row.programCode}</td>
                  <td class="num">{formatMoney(row.amount, lang)}</td>
                  <td>{row.purpose}</td>
                  <td class="num">{row.termMonths}</td>
                </tr>
              ))}
            </tbody>
            <TotalsFoot
              label={fill(t('list03Total'), { count: list.total.households })}
              amount={formatMoney(list.total.amount, lang)}
              leading={4}
              trailing={2}
            />
          </table>
        </div>
      )}
      {list.notProposed.length > 0 ? (
        <>
          <h3>{t('notProposedTitle')}</h3>
          <ul class="not-proposed">
            {list.notProposed.map((row) => (
              <li key={row.applicationCode}>
                <strong>{row.borrowerName}</strong> <span class="code">{row.applicationCode}</span>:{' '}
                {notProposedReason(ctx, row, minutes)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ClosedMeeting({ ctx, minutes, list }: { ctx: PageContext; minutes: Minutes; list: List03 }) {
  const { t } = ctx;
  const base = `/meetings/${encodeURIComponent(minutes.meetingId)}`;
  return (
    <>
      <MinutesSection ctx={ctx} minutes={minutes} />
      <List03Section ctx={ctx} list={list} minutes={minutes} />
      <h2>{t('downloadsTitle')}</h2>
      <ul>
        <li>
          <a href={`${base}/minutes.pdf`} download>
            {t('minutesPdf')}
          </a>
        </li>
        <li>
          <a href={`${base}/list.pdf`} download>
            {t('list03Pdf')}
          </a>
        </li>
        <li>
          <a href={`${base}/list.xlsx`} download>
            {t('list03Xlsx')}
          </a>
        </li>
      </ul>
    </>
  );
}
