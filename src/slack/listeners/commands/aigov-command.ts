import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { helpMessage } from '../../views/help.js';
import { SLASH_COMMAND } from '../../ids.js';
import { escapeText } from '../../escape.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type SubcommandHandler = (args: Args, rest: string, deps: SlackDeps) => Promise<void>;

const subcommands = new Map<string, SubcommandHandler>();

/** Later features add their subcommands here (new, mine, status, export). */
export function defineSubcommand(names: string[], handler: SubcommandHandler): void {
  for (const name of names) subcommands.set(name, handler);
}

defineSubcommand(['help'], async ({ ack }) => {
  await ack({ response_type: 'ephemeral', ...helpMessage() });
});

export function handleAigovCommand(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const text = args.command.text.trim();
    const [first = '', ...rest] = text.split(/\s+/);
    const name = first.toLowerCase() || 'new';
    const handler = subcommands.get(name);
    if (!handler) {
      await args.ack({ response_type: 'ephemeral', text: `\`${SLASH_COMMAND} ${escapeText(first)}\` is not a command I know. Try \`${SLASH_COMMAND} help\`.` });
      return;
    }
    await handler(args, rest.join(' '), deps);
  };
}
