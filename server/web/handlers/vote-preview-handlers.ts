/**
 * The group vote's outcome before it is recorded: htmx posts the tally on every keystroke and gets only the
 * outcome fragment; the "Xem kết quả" button (without JavaScript) gets the whole page, the tally kept and a refused
 * number beside its field. Nothing is recorded: the same rule judges the tally again when the decision is sent.
 */
import { Router } from 'express';
import { h } from 'preact';
import { findApplication, previewVote, type VotePreview, type WorkflowDeps } from '../../domain/applications/index.js';
import { CodeParams, DecisionBodies } from '../../http/schemas.js';
import { pageContext } from '../context.js';
import { requireSignIn } from '../error-pages.js';
import { formErrors } from '../form-errors.js';
import { formText } from '../form-values.js';
import { sendFragment } from '../render.js';
import { VoteOutcome, voteFieldErrors } from '../pages/vote-outcome.js';
import { decisionBody, showApplication } from './application-handlers.js';

const TALLY_FIELDS = ['membersTotal', 'membersPresent', 'votesFor', 'votesAgainst', 'abstentions'] as const;
const FORM_FIELDS = ['meetingDate', 'reason', ...TALLY_FIELDS, 'applicantPresent'] as const;

/** The tally part of the group vote's decision body: the same schema, without the date and the reason. */
const VoteTallyBody = DecisionBodies['group-vote'].pick({
  membersTotal: true,
  membersPresent: true,
  votesFor: true,
  votesAgainst: true,
  abstentions: true,
  applicantPresent: true,
});

export function votePreviewHandlers(deps: WorkflowDeps & { today: () => string }): Router {
  const router = Router();

  router.post('/applications/:code/vote-preview', requireSignIn, async (req, res) => {
    const { code } = CodeParams.parse(req.params);
    const ctx = pageContext(res);
    const form = req.body as Record<string, unknown>;
    const values = Object.fromEntries(FORM_FIELDS.map((name) => [name, formText(form[name])]));
    const { meetingDate: _date, reason: _reason, ...tallyBody } = decisionBody('group-vote', values);
    const parsed = VoteTallyBody.safeParse(tallyBody);
    // Scope first: outside it the tally is not judged, and the answer is the same 404 as the page's.
    const preview: VotePreview | undefined = parsed.success
      ? await previewVote(deps.prisma, code, ctx.officer!, parsed.data)
      : undefined;
    if (req.get('HX-Request') === 'true') {
      if (!preview) await findApplication(deps.prisma, code, ctx.officer);
      return sendFragment(res, h(VoteOutcome, { ctx, preview }));
    }
    const errors = parsed.success ? voteFieldErrors(ctx, preview) : (formErrors(parsed.error, ctx.t)?.fields ?? {});
    await showApplication(deps, res, code, {
      decision: { code, step: 'group-vote', values, errors, general: [], preview },
    });
  });

  return router;
}
