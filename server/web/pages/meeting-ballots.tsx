/**
 * One agenda item of a review meeting: the household's request, a for/against/abstain choice per member present
 * (recused members shown as not voting), and the item's outcome as the ballots stand, computed by the close's
 * own tally and the workflow's rule. htmx refreshes every item's outcome on each choice.
 */
import type { MeetingItem, Vote } from '../../domain/batches/index.js';
import type { VotePreview } from '../../domain/applications/index.js';
import { formatMoney } from '../../domain/format.js';
import type { PageContext } from '../context.js';
import type { FieldMessages } from '../form-parts.js';
import { ballotField, type MeetingFormValues } from '../meeting-form.js';
import type { LabelKey } from '../labels.js';
import { Verdict } from './vote-outcome.js';

export const VOTE_CHOICES: readonly { vote: Vote | ''; label: LabelKey }[] = [
  { vote: 'FOR', label: 'voteFor' },
  { vote: 'AGAINST', label: 'voteAgainst' },
  { vote: 'ABSTAIN', label: 'voteAbstain' },
  { vote: '', label: 'voteNone' },
];

export const VOTE_WORDS: Record<Vote, LabelKey> = { FOR: 'voteFor', AGAINST: 'voteAgainst', ABSTAIN: 'voteAbstain' };

export const fill = (text: string, values: Record<string, string | number>): string =>
  Object.entries(values).reduce((out, [key, value]) => out.replaceAll(`{${key}}`, String(value)), text);

const idOf = (name: string): string => `f-${name.replace(/[^A-Za-z0-9-]/g, '-')}`;

export interface AgendaMember {
  id: string;
  fullName: string;
}

export function ItemHeading({ ctx, item }: { ctx: PageContext; item: MeetingItem }) {
  const { t, lang } = ctx;
  return (
    <>
      <h3 id={`item-${item.id}`}>
        {fill(t('itemHeading'), { no: item.position, borrower: item.borrowerName })}{' '}
        <a class="code" href={`/applications/${encodeURIComponent(item.applicationCode)}`}>
          {item.applicationCode}
        </a>
      </h3>
      <p>
        {fill(t('itemFacts'), {
          amount: formatMoney(item.amount, lang),
          purpose: item.purpose,
          term: item.termMonths,
        })}
      </p>
    </>
  );
}

function BallotChoice(props: {
  ctx: PageContext;
  item: MeetingItem;
  member: AgendaMember;
  values: MeetingFormValues;
  errors: FieldMessages;
}) {
  const { ctx, item, member, values, errors } = props;
  const name = ballotField(item.applicationId, member.id);
  const chosen = values.ballots[name] ?? '';
  const error = errors[name];
  return (
    <fieldset class={error ? 'ballot has-error' : 'ballot'} id={idOf(name)} tabIndex={-1}>
      <legend>{member.fullName}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <div class="ballot-choices">
        {VOTE_CHOICES.map(({ vote, label }) => (
          <label class="choice" key={vote}>
            <input
              type="radio"
              id={`${idOf(name)}-${vote || 'NONE'}`}
              name={name}
              value={vote}
              checked={chosen === vote}
            />
            {ctx.t(label)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A recused member casts no ballot; a ballot sent for them anyway is refused here, beside their name. */
function RecusedMember(props: { ctx: PageContext; item: MeetingItem; member: AgendaMember; errors: FieldMessages }) {
  const name = ballotField(props.item.applicationId, props.member.id);
  const error = props.errors[name];
  return (
    <div class={error ? 'ballot recused has-error' : 'ballot recused'} id={idOf(name)} tabIndex={-1}>
      {error ? <p class="field-error">{error}</p> : null}
      <p>
        <strong>{props.member.fullName}</strong>: {props.ctx.t('voteRecused')}
      </p>
    </div>
  );
}

/** The item's outcome as the ballots stand: the verdict, why, and the counts. */
export function ItemTally({ ctx, preview }: { ctx: PageContext; preview: VotePreview | undefined }) {
  const { t } = ctx;
  if (!preview) return null;
  const { tally } = preview;
  return (
    <>
      <h4>{t('itemTallyTitle')}</h4>
      <p>
        {fill(t('itemTallyCounts'), { for: tally.votesFor, against: tally.votesAgainst, abstain: tally.abstentions })}
      </p>
      <Verdict ctx={ctx} preview={preview} />
    </>
  );
}

/** The live region of one item; `oob` when htmx swaps it in from the one answer that refreshes them all. */
export function ItemTallyRegion(props: {
  ctx: PageContext;
  item: MeetingItem;
  preview: VotePreview | undefined;
  oob?: boolean;
}) {
  return (
    <div
      id={`tally-${props.item.id}`}
      class="vote-outcome"
      aria-live="polite"
      {...(props.oob ? { 'hx-swap-oob': 'true' } : {})}
    >
      <ItemTally ctx={props.ctx} preview={props.preview} />
    </div>
  );
}

/** An agenda item as the leader edits it. */
export function AgendaItemForm(props: {
  ctx: PageContext;
  item: MeetingItem;
  present: AgendaMember[];
  values: MeetingFormValues;
  errors: FieldMessages;
  preview: VotePreview | undefined;
}) {
  const { ctx, item, present } = props;
  const recused = new Set(item.recused.map((r) => r.memberId));
  return (
    <section class="agenda-item" aria-labelledby={`item-${item.id}`}>
      <ItemHeading ctx={ctx} item={item} />
      {present.length === 0 ? <p class="hint">{ctx.t('noMembersPresent')}</p> : null}
      {present.map((member) =>
        recused.has(member.id) ? (
          <RecusedMember key={member.id} {...props} member={member} />
        ) : (
          <BallotChoice key={member.id} {...props} member={member} />
        ),
      )}
      <ItemTallyRegion ctx={ctx} item={item} preview={props.preview} />
    </section>
  );
}

/** An agenda item as everyone else sees the draft: who voted how, the recused, the outcome so far. */
export function AgendaItemView(props: {
  ctx: PageContext;
  item: MeetingItem;
  present: AgendaMember[];
  preview: VotePreview | undefined;
}) {
  const { ctx, item, present } = props;
  const recused = new Set(item.recused.map((r) => r.memberId));
  const votes = new Map(item.ballots.map((b) => [b.memberId, b.vote]));
  return (
    <section class="agenda-item" aria-labelledby={`item-${item.id}`}>
      <ItemHeading ctx={ctx} item={item} />
      <ul class="ballots-read">
        {present.map((member) => {
          const vote = votes.get(member.id);
          const word = recused.has(member.id) ? 'voteRecused' : vote ? VOTE_WORDS[vote] : 'voteNone';
          return (
            <li key={member.id}>
              <strong>{member.fullName}</strong>: {ctx.t(word)}
            </li>
          );
        })}
      </ul>
      <ItemTallyRegion ctx={ctx} item={item} preview={props.preview} />
    </section>
  );
}
