/** Notice 04/TD of a confirmed bank batch, as the page shows it, with the links to its PDF and workbook. */
import { formatDate, formatMoney, formatPercent } from '../../domain/format.js';
import type { Notice04Data } from '../../domain/forms/notice-04-td-data.js';
import type { PageContext } from '../context.js';
import { DataTable, Facts, TotalsFoot } from '../page-parts.js';
import { refusalWords } from './batch-rows.js';
import { fill } from './meeting-ballots.js';

export function NoticeSummary({ ctx, notice }: { ctx: PageContext; notice: Notice04Data }) {
  const { t, lang } = ctx;
  const base = `/batches/${encodeURIComponent(notice.batchId)}`;
  return (
    <section aria-labelledby="notice-title" class="notice-04">
      <h2 id="notice-title">{t('noticeTitle')}</h2>
      <Facts
        facts={[
          [t('noticeIssued'), formatDate(notice.issuedOn)],
          notice.approved.length > 0 && [
            t('noticeTransaction'),
            [notice.transactionDay ? formatDate(notice.transactionDay) : '', notice.transactionPoint ?? '']
              .filter(Boolean)
              .join(', '),
          ],
        ]}
      />
      <h3>{t('noticeApproved')}</h3>
      {notice.approved.length === 0 ? (
        <p class="empty">{t('noticeNoneApproved')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('noticeApproved')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colBorrower')}</th>
                <th scope="col">{t('colApplication')}</th>
                <th scope="col" class="num">
                  {t('colAmount')}
                </th>
                <th scope="col">{t('colNoticeRate')}</th>
                <th scope="col">{t('rowTerm')}</th>
                <th scope="col">{t('colFinalDue')}</th>
              </tr>
            </thead>
            <tbody>
              {notice.approved.map((row) => (
                <tr key={row.applicationCode}>
                  <td>{row.borrowerName}</td>
                  <td class="code">{row.applicationCode}</td>
                  <td class="num">{formatMoney(row.amount, lang)}</td>
                  <td>{formatPercent(row.annualRatePercent, lang)}</td>
                  <td>{row.termMonths}</td>
                  <td>{formatDate(row.finalDueDate)}</td>
                </tr>
              ))}
            </tbody>
            <TotalsFoot
              label={fill(t('noticeTotal'), { count: notice.total.households })}
              amount={formatMoney(notice.total.amount, lang)}
              leading={2}
              trailing={3}
            />
          </table>
        </div>
      )}
      {notice.refused.length > 0 ? (
        <>
          <h3>{t('noticeRefused')}</h3>
          <DataTable
            caption={t('noticeRefused')}
            rows={notice.refused}
            rowKey={(row) => row.applicationCode}
            columns={[
              { header: t('colBorrower'), cell: (row) => row.borrowerName },
              { header: t('colApplication'), class: 'code', cell: (row) => row.applicationCode },
              { header: t('colReason'), cell: (row) => row.reason },
            ]}
          />
        </>
      ) : null}
      {notice.notDecided?.length ? (
        <>
          <h3>{t('noticeNotDecided')}</h3>
          <DataTable
            caption={t('noticeNotDecided')}
            rows={notice.notDecided}
            rowKey={(row) => row.applicationCode}
            columns={[
              { header: t('colBorrower'), cell: (row) => row.borrowerName },
              { header: t('colApplication'), class: 'code', cell: (row) => row.applicationCode },
              {
                header: t('colReason'),
                cell: (row) => `${row.code}: ${refusalWords(ctx, { code: row.code, message: row.reason })}`,
              },
            ]}
          />
        </>
      ) : null}
      <h3>{t('downloadsTitle')}</h3>
      <ul>
        <li>
          <a href={`${base}/notice.pdf`} download>
            {t('noticePdf')}
          </a>
        </li>
        <li>
          <a href={`${base}/notice.xlsx`} download>
            {t('noticeXlsx')}
          </a>
        </li>
      </ul>
    </section>
  );
}
