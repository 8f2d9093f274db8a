/**
 * What the sweep needs to know about people from the workspace: their time zone, to deliver DMs in
 * working hours. The Slack layer supplies it (users.info); without one, cached or default zones serve.
 */
export interface UserDirectory {
  /** The person's IANA time zone, or null when the workspace cannot say. */
  userTimeZone(userId: string): Promise<string | null>;
}
