/** Every string under a `text` key, nested anywhere, that Slack parses for mentions: mrkdwn and untyped text (not plain_text). */
export function mrkdwnTexts(x: unknown): string[] {
  if (!x || typeof x !== 'object') return [];
  const o = x as Record<string, unknown>;
  const own = typeof o.text === 'string' && (!o.type || o.type === 'mrkdwn') ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap((v) => mrkdwnTexts(v))];
}
