import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { localDate } from '../../../domain/calendar-dates.js';
import { listAttachableClaims } from '../../../app/evidence/list-attachable-claims.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import {
  MAX_ATTACHABLE_CLAIMS, NO_OPEN_CLAIMS, NO_PERMALINK, buildAttachEvidenceLoadingView, buildAttachEvidenceNoticeView, buildAttachEvidenceView,
} from '../../views/evidence/attach-evidence-view.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Attach as evidence" on a message. The modal opens at once (the trigger dies after 3 s); the user's
 * open claims and the message's permalink are fetched behind it, then the form replaces the placeholder.
 */
export function handleAttachEvidenceShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut }: Args): Promise<void> => {
    const [, opened] = await Promise.all([ack(), deps.gateway.openView(shortcut.trigger_id, buildAttachEvidenceLoadingView())]);
    const userId = shortcut.user.id;
    const channel = shortcut.channel.id;
    const messageTs = shortcut.message.ts;
    const [claims, permalink] = await Promise.all([
      listAttachableClaims({ ctx: contextFor(deps, userId, { via: 'slack', surface: 'message_action', channel }), input: { limit: MAX_ATTACHABLE_CLAIMS + 1 } }),
      deps.gateway.messagePermalink(channel, messageTs).catch((err: unknown) => {
        deps.logger.warn({ err, channel }, 'no permalink for the message to attach');
        return null;
      }),
    ]);
    let view;
    if (!claims.length) view = buildAttachEvidenceNoticeView(NO_OPEN_CLAIMS);
    else if (!permalink) view = buildAttachEvidenceNoticeView(NO_PERMALINK);
    else {
      view = buildAttachEvidenceView({
        claims, permalink,
        messageText: shortcut.message.text ?? '', messageDay: localDate(new Date(Number(messageTs) * 1000), deps.policy.timeZone),
        privateMetadata: JSON.stringify({ permalink, channel, messageTs }),
      });
    }
    await deps.gateway.updateView(opened.id, view);
  };
}
