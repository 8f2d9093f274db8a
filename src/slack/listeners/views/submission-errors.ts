import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { AppError } from '../../../app/errors.js';
import { correlationId } from '../../error-reporting.js';
import { scrubSecrets } from '../../../logger.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A modal submission that fails on our side (the database is down, say) must still be answered within
 * Slack's 3 seconds, in the modal: the user sees the message under a field and can submit again later.
 * Known errors keyed to fields go under those fields; anything else goes under `fallbackBlockId`.
 */
export function answerSubmissionErrors(fallbackBlockId: (args: Args) => string, logger: Logger, handler: (args: Args) => Promise<void>) {
  return async (args: Args): Promise<void> => {
    let acked = false;
    const ack: Args['ack'] = async (response?: Parameters<Args['ack']>[0]) => { acked = true; await args.ack(response); };
    try {
      await handler({ ...args, ack });
    } catch (err) {
      if (acked) throw err;
      const block = fallbackBlockId(args);
      if (err instanceof AppError) {
        const errors = Object.keys(err.fields).length ? err.fields : { [block]: err.message };
        await args.ack({ response_action: 'errors', errors });
        return;
      }
      const ref = correlationId();
      logger.error({ ref, err: { message: scrubSecrets((err as Error)?.message ?? String(err)) } }, 'modal submission failed');
      await args.ack({ response_action: 'errors', errors: { [block]: `aigov could not save this just now, so nothing was stored. Please submit again in a minute (reference ${ref}).` } });
    }
  };
}
