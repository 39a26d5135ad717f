/** What the paged lists (applications, loans) share: a filter's select, the address of another page, the pager. */
import type { PageContext } from '../context.js';

/** A list's address for another page, keeping every filter given and a page size other than the list's default. */
export function listPageHref(
  path: string,
  filters: Record<string, string | undefined>,
  paging: { page: number; pageSize: number; defaultPageSize: number },
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (paging.pageSize !== paging.defaultPageSize) params.set('pageSize', String(paging.pageSize));
  if (paging.page > 1) params.set('page', String(paging.page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** One filter: a labelled select whose first option is "all". */
export function FilterChoice(props: {
  name: string;
  label: string;
  all: string;
  options: readonly { value: string; label: string }[];
  selected: string | undefined;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((option) => (
          <option value={option.value} key={option.value} selected={props.selected === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The page size chosen, kept through the filter form when it is not the list's default. */
export function PageSizeField(props: { pageSize: number; defaultPageSize: number }) {
  return props.pageSize !== props.defaultPageSize ? (
    <input type="hidden" name="pageSize" value={String(props.pageSize)} />
  ) : null;
}

/** Previous · page n/N · next, shown only when there is more than one page. */
export function Pager(props: { ctx: PageContext; page: number; pages: number; href: (page: number) => string }) {
  const { t } = props.ctx;
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('pagination')}>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>{t('pagePrevious')}</a> : null}
      <span>
        {t('pageOf')} {props.page}/{props.pages}
      </span>
      {props.page < props.pages ? <a href={props.href(props.page + 1)}>{t('pageNext')}</a> : null}
    </nav>
  );
}
