import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { presentedKeyFingerprint } from './auth';
import { problem, sendProblem } from './problem';

/**
 * At most `perMinute` requests per API key and minute. Requests are counted by a hash of the
 * presented key (no database read, and the key itself is never kept); requests without a key by
 * address, so anonymous floods are limited too. The count lives in this process's memory: with
 * several API processes each allows the limit (see the README).
 */
export function perKeyRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const fingerprint = presentedKeyFingerprint(req);
      return fingerprint ? `key:${fingerprint}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, res) => {
      sendProblem(
        res,
        problem(
          429,
          'Too many requests',
          `at most ${perMinute} requests per minute per API key; retry after the time in Retry-After`,
        ),
      );
    },
  });
}
