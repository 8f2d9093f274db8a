import { z } from 'zod';
import { validateCron } from './domain/schedule-period.js';

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Where each setting comes from, so a missing one can be fixed without reading code. */
const HOW_TO_GET: Record<string, string> = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) from OAuth & Permissions after installing the app created from manifest.yml',
  SLACK_SIGNING_SECRET: 'Basic Information → App Credentials → Signing Secret of the app created from manifest.yml (HTTP mode)',
  SLACK_APP_TOKEN: 'Basic Information → App-Level Tokens, with the connections:write scope (Socket Mode)',
  AIGOV_GOVERNANCE_CHANNEL: 'the channel ID (C…) of the governance channel: channel details → About → Channel ID; invite the bot there',
};

/** The example values in .env.example: copied but not filled in, they would fail later with a vaguer error. */
const PLACEHOLDERS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'xoxb-...',
  SLACK_APP_TOKEN: 'xapp-...',
  AIGOV_GOVERNANCE_CHANNEL: 'C0123456789',
};

const slackUserList = z.string().default('').transform((s, ctx) => {
  const ids = s.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (bad.length) ctx.addIssue({ code: 'custom', message: `not Slack user IDs: ${bad.join(', ')}` });
  return ids;
});

const cron = (fallback: string) => z.string().default(fallback).superRefine((expr, ctx) => {
  const problem = validateCron(expr);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:9999/api/' }).default(DEFAULT_SLACK_API_URL),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  AIGOV_DATA_DIR: z.string().min(1).default('./data'),
  AIGOV_GOVERNANCE_CHANNEL: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel ID (C… or G…)').optional(),
  AIGOV_INTAKE_CHANNEL: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a channel ID (C… or G…)').optional(),
  AIGOV_ADMINS: slackUserList,
  AIGOV_SWEEP_CRON: cron('0 * * * *'),
  AIGOV_DIGEST_CRON: cron('0 9 * * 1'),
  AIGOV_TZ: z.string().default('UTC').refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  AIGOV_SCHEDULER: z.enum(['on', 'off']).default('on'),
  AIGOV_CANVASES: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string;
    readonly mode: 'http' | 'socket';
  };
  readonly port: number;
  readonly database: { readonly url: string | undefined; readonly dataDir: string };
  readonly channels: { readonly governance: string; readonly intake: string };
  readonly admins: readonly string[];
  readonly schedules: { readonly sweepCron: string; readonly digestCron: string; readonly enabled: boolean };
  readonly timeZone: string;
  /** Keep the governance channel's canvas and a canvas per AI system current. */
  readonly canvases: boolean;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`aigov cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * What a process needs: the server everything; CLI commands that post to Slack (sweep, digest) the bot
 * token and channels but no receiver; data commands (migrate, export, import) only the database.
 */
export type ConfigScope = 'server' | 'cli-slack' | 'cli-data';

/** What data commands (migrate, export, import) read; everything else is ignored for them. */
const DATA_SETTINGS = new Set(['DATABASE_URL', 'AIGOV_DATA_DIR', 'AIGOV_GOVERNANCE_CHANNEL', 'AIGOV_INTAKE_CHANNEL', 'AIGOV_ADMINS', 'AIGOV_TZ', 'AIGOV_CANVASES', 'LOG_LEVEL']);

/** Parses the environment once, listing every problem at once. Values are never echoed: some are secrets. */
export function loadConfig(env: NodeJS.ProcessEnv, scope: ConfigScope): Config {
  // A data command reads only what it uses, so a half-filled .env (Slack not set up yet) does not stop it.
  const relevant = (name: string) => scope !== 'cli-data' || DATA_SETTINGS.has(name);
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && relevant(k)));
  const problems: string[] = [];
  const placeholders = new Set<string>();
  for (const [name, example] of Object.entries(PLACEHOLDERS)) {
    if (cleaned[name] !== example) continue;
    delete cleaned[name];
    if (scope === 'cli-data') continue;
    placeholders.add(name);
    const httpMode = name === 'SLACK_APP_TOKEN' ? ', or delete the line to use HTTP mode (SLACK_SIGNING_SECRET)' : '';
    problems.push(`${name} is still the placeholder from .env.example ("${example}"): get the real value from ${HOW_TO_GET[name]}${httpMode}`);
  }
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const how = HOW_TO_GET[name];
      problems.push(`${name} ${issue.message}${how ? ` — get it from ${how}` : ''}`);
    }
  }
  if (scope !== 'cli-data') {
    for (const name of ['SLACK_BOT_TOKEN', 'AIGOV_GOVERNANCE_CHANNEL']) {
      if (!cleaned[name] && !placeholders.has(name)) problems.push(`${name} is required — get it from ${HOW_TO_GET[name]}`);
    }
  }
  if (scope === 'server' && !cleaned.SLACK_SIGNING_SECRET && !cleaned.SLACK_APP_TOKEN && !placeholders.has('SLACK_APP_TOKEN')) {
    problems.push(`SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required — get it from ${HOW_TO_GET.SLACK_SIGNING_SECRET}, or ${HOW_TO_GET.SLACK_APP_TOKEN}`);
  }
  if (problems.length || !parsed.success || placeholders.size) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    slack: Object.freeze({
      botToken: e.SLACK_BOT_TOKEN ?? '',
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      mode: e.SLACK_SIGNING_SECRET ? 'http' : 'socket',
    }),
    port: e.PORT,
    database: Object.freeze({ url: e.DATABASE_URL, dataDir: e.AIGOV_DATA_DIR }),
    channels: Object.freeze({ governance: e.AIGOV_GOVERNANCE_CHANNEL ?? '', intake: e.AIGOV_INTAKE_CHANNEL ?? e.AIGOV_GOVERNANCE_CHANNEL ?? '' }),
    admins: Object.freeze([...e.AIGOV_ADMINS]),
    schedules: Object.freeze({ sweepCron: e.AIGOV_SWEEP_CRON, digestCron: e.AIGOV_DIGEST_CRON, enabled: e.AIGOV_SCHEDULER === 'on' }),
    timeZone: e.AIGOV_TZ,
    canvases: e.AIGOV_CANVASES === 'on',
    logLevel: e.LOG_LEVEL,
  });
}
