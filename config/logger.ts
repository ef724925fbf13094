import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets (API keys, webhook secrets) are redacted wherever they appear. */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'secret', '*.secret', 'key', '*.key'],
      censor: '[redacted]',
    },
  });
}
