import { TEAM_ID } from './workspace.js';

export interface FakeUserSettings {
  tz?: string;
  realName?: string;
  isBot?: boolean;
  deleted?: boolean;
  isAdmin?: boolean;
}

export const DEFAULT_TZ = 'Europe/London';

// The users.info `user` object, with the offset and label Slack would give for
// the zone at the moment of the call (so British Summer Time shows as +3600).
export function userObject(id: string, settings: FakeUserSettings, now: Date) {
  const tz = settings.tz ?? DEFAULT_TZ;
  const realName = settings.realName ?? `User ${id}`;
  const name = id.toLowerCase();
  return {
    id,
    team_id: TEAM_ID,
    name,
    real_name: realName,
    deleted: settings.deleted ?? false,
    is_bot: settings.isBot ?? false,
    is_admin: settings.isAdmin ?? false,
    is_app_user: false,
    tz,
    tz_label: zoneName(tz, now, 'long'),
    tz_offset: offsetSeconds(tz, now),
    profile: {
      real_name: realName,
      display_name: name,
      email: `${name}@example.com`,
      team: TEAM_ID,
    },
  };
}

// Throws RangeError for a zone Intl does not know, so a typo fails where it is set.
export function assertKnownZone(tz: string): void {
  new Intl.DateTimeFormat('en-GB', { timeZone: tz });
}

function offsetSeconds(tz: string, at: Date): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zoneName(tz, at, 'longOffset'));
  if (!match) return 0; // "GMT" alone means UTC+0
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60);
}

function zoneName(tz: string, at: Date, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: style }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
}
