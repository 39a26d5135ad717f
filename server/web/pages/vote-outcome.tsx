/**
 * The group vote's outcome as the tally stands, computed by the workflow's own rule (see previewVote): passes,
 * fails, no quorum or does not add up, and why. htmx refreshes it as the tally is typed; without JavaScript the
 * "Xem kết quả" button shows it with the page.
 */
import type { Bilingual } from '../../../workflows/domain.js';
import { isViolation, type RuleViolation } from '../../../workflows/rules/step-rules.js';
import type { VotePreview } from '../../domain/applications/index.js';
import type { PageContext } from '../context.js';
import { LABELS } from '../labels.js';
import { VOTE_REASONS } from '../labels-vote.js';

/** Why the rule refused the tally, in words with the meeting's numbers; the field it names is the one to fix. */
export function voteRefusal(preview: VotePreview, violation: RuleViolation): Bilingual {
  const { tally, rules, membership, voters } = preview;
  if (violation.code === 'NO_QUORUM')
    return VOTE_REASONS.quorum(tally.membersPresent, tally.membersTotal, rules.quorum);
  switch (violation.field) {
    case 'membersTotal':
      return VOTE_REASONS.memberCount(membership.memberCount);
    case 'applicantPresent':
      return LABELS.voteApplicantOutsider;
    case 'votesFor':
      return VOTE_REASONS.tooManyVotes(voters);
    default:
      return tally.membersPresent > tally.membersTotal ? LABELS.voteWhyPresent : LABELS.voteWhyApplicantAlone;
  }
}

/** The refusal beside its field, for the page shown without JavaScript. */
export function voteFieldErrors(ctx: PageContext, preview: VotePreview | undefined): Record<string, string> {
  if (!preview || !isViolation(preview.result) || !preview.result.field) return {};
  return { [preview.result.field]: ctx.t(voteRefusal(preview, preview.result)) };
}

export function Verdict({ ctx, preview }: { ctx: PageContext; preview: VotePreview }) {
  const { t } = ctx;
  const { result, tally, rules, voters } = preview;
  if (isViolation(result)) {
    const noQuorum = result.code === 'NO_QUORUM';
    return (
      <>
        <p class="verdict verdict-refused">
          <strong>{t(noQuorum ? 'voteNoQuorum' : 'voteInconsistent')}</strong>
        </p>
        <p>{t(voteRefusal(preview, result))}</p>
      </>
    );
  }
  const passes = result.outcome === 'approve';
  return (
    <>
      <p class={passes ? 'verdict verdict-passes' : 'verdict verdict-fails'}>
        <strong>{t(passes ? 'votePasses' : 'voteFails')}</strong>
      </p>
      <p>{t(VOTE_REASONS.quorum(tally.membersPresent, tally.membersTotal, rules.quorum))}</p>
      <p>{t(VOTE_REASONS.approval(tally.votesFor, voters, rules.approval))}</p>
    </>
  );
}

/** What goes inside the live region: the verdict and why, or what is still missing. */
export function VoteOutcome({ ctx, preview }: { ctx: PageContext; preview: VotePreview | undefined }) {
  return (
    <>
      <h4>{ctx.t('voteOutcomeTitle')}</h4>
      {preview ? <Verdict ctx={ctx} preview={preview} /> : <p>{ctx.t('voteIncomplete')}</p>}
      {preview ? (
        <p class="hint">
          {ctx.t(preview.membership.borrowerIsMember ? 'voteApplicantMember' : 'voteApplicantOutsider')}
        </p>
      ) : null}
    </>
  );
}

/** The live region itself: htmx posts the form here on every keystroke (debounced) and swaps its inside. */
export function VoteOutcomeRegion({ ctx, code, preview }: { ctx: PageContext; code: string; preview?: VotePreview }) {
  return (
    <div
      id="vote-outcome"
      class="vote-outcome"
      aria-live="polite"
      hx-post={`/applications/${encodeURIComponent(code)}/vote-preview`}
      hx-trigger="input from:closest form delay:250ms"
      hx-include="closest form"
      hx-swap="innerHTML"
    >
      <VoteOutcome ctx={ctx} preview={preview} />
    </div>
  );
}
