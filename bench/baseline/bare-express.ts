import { randomBytes } from 'node:crypto';
import express from 'express';

/**
 * The HTTP baseline: Express 5 parsing the same JSON body and answering 202 as the registration
 * endpoint does, with no authentication, validation, database or Temporal behind it.
 */
const app = express();
app.disable('x-powered-by');
app.post('/bare', express.json({ limit: '64kb' }), (req, res) => {
  res.status(202).json({ id: `reg_${randomBytes(12).toString('hex')}`, status: 'pending', received: req.body });
});
app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write('bare express ready\n');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
