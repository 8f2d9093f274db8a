// The one workspace the fake Slack pretends to be. Payload builders use the
// same ids so that what the app receives and what it calls back agree.
export const TEAM_ID = 'T0AIGOV';
export const TEAM_DOMAIN = 'aigov-test';
export const APP_ID = 'A0AIGOV';
export const BOT_ID = 'B0AIGOV';
export const BOT_USER_ID = 'U0AIGOVBOT';
export const WORKSPACE_URL = `https://${TEAM_DOMAIN}.slack.com/`;

// Each user has exactly one DM channel with the bot, derived from the user id
// (U0OWNER1 <-> D0OWNER1) so a test can name it before any call is made.
export function dmChannelOf(userId: string): string {
  return `D${userId.replace(/^[UW]/, '')}`;
}

export function isUserId(id: unknown): boolean {
  return typeof id === 'string' && /^[UW][A-Z0-9]+$/.test(id);
}
