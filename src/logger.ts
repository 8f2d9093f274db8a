import { pino, type Logger } from 'pino';

/** Structured JSON logs. Anything that looks like a credential is redacted before it is written. */
export function createLogger(level = 'info'): Logger {
  return pino({
    level,
    base: { service: 'aigov' },
    redact: {
      paths: ['token', '*.token', 'botToken', '*.botToken', 'signingSecret', '*.signingSecret', 'appToken', '*.appToken',
        'password', '*.password', 'headers.authorization', '*.headers.authorization', 'databaseUrl', '*.databaseUrl'],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
  }, pino.destination({ fd: 2, sync: false }));
}

const SECRET_PATTERNS = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g];

/** For free text that may carry a secret (an error message quoting a URL or token). */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((s, re) => s.replace(re, (m, prefix?: string) => (prefix ? `${prefix}***@` : `${m.slice(0, 5)}***`)), text);
}
