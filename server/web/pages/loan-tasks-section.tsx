/** The loans waiting on the officer, under the applications of the inbox: the use check within 30 days. */
import { formatDate, formatMoney } from '../../domain/format.js';
import type { LoanTask } from '../../domain/loans/loan-tasks.js';
import type { PageContext } from '../context.js';
import { DataTable } from '../page-parts.js';

const L = {
  title: { vi: 'Kiểm tra sử dụng vốn vay', en: 'Checks of how loans are used' },
  loan: { vi: 'Khoản vay', en: 'Loan' },
  borrower: { vi: 'Người vay', en: 'Borrower' },
  disbursed: { vi: 'Ngày giải ngân', en: 'Disbursed on' },
  due: { vi: 'Hạn kiểm tra', en: 'Check due' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

export function LoanTasksSection({ ctx, tasks }: { ctx: PageContext; tasks: LoanTask[] }) {
  const { t, lang } = ctx;
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="loan-tasks-title">
      <h2 id="loan-tasks-title">{t(L.title)}</h2>
      <DataTable
        caption={t(L.title)}
        rows={tasks}
        rowKey={(task) => task.loanId}
        rowClass={(task) => (task.overdue ? 'overdue' : undefined)}
        columns={[
          {
            header: t(L.loan),
            class: 'code',
            cell: (task) => <a href={`/loans/${encodeURIComponent(task.loanId)}`}>{task.code}</a>,
          },
          { header: t(L.borrower), cell: (task) => task.borrowerName },
          { header: t(L.disbursed), cell: (task) => formatDate(task.since) },
          {
            header: t(L.due),
            cell: (task) => (
              <>
                {formatDate(task.dueOn)}
                {task.overdue ? <span class="tag tag-overdue">{t(L.overdue)}</span> : null}
              </>
            ),
          },
          { header: t(L.amount), class: 'num', headerClass: 'num', cell: (task) => formatMoney(task.amount, lang) },
        ]}
      />
    </section>
  );
}
