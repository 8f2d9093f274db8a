/**
 * Slack reads `&`, `<` and `>` as control characters in mrkdwn and message text: `<!channel>` pings a
 * channel, `<@U1>` a user. Every piece of user text goes through this before it reaches a message.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to a Slack field limit, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export const mention = (userId: string) => `<@${userId}>`;
