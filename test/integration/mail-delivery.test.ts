import { createServer, type Server, type Socket } from 'node:net';
import pino from 'pino';
import { auditKeys } from '../../config/audit-key';
import { Mail, type MailDoc, mailId, queueMail } from '../../db/mail-queue';
import { createUser, updateUser } from '../../db/users';
import { startMailDispatcher } from '../../worker/mail-dispatcher';
import { eventually, startTestSystem, type TestSystem } from '../support/harness';
import { startTestMailDispatcher, uniqueAddress, waitForMail } from '../support/mail';

let system: TestSystem;
let silent: Server;
const held: Socket[] = [];

beforeAll(async () => {
  system = await startTestSystem('mail-delivery');
  // A mail server that accepts connections and never says a word.
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  silent?.close();
  await system?.shutdown();
});

test('a silent mail server costs a retry, not the mail: it is sent once a server answers', async () => {
  const email = uniqueAddress('rita');
  const by = { kind: 'system', id: 'test' } as const;
  const user = await createUser({ email, name: 'Rita Retry', role: 'auditor', by });
  await updateUser(user._id, { status: 'active' }, by);
  const id = mailId('event', 'evt_retry', user._id);
  const event = {
    type: 'policy.effective',
    audience: 'vendor:channel-managers',
    payload: { version: 7 },
    at: new Date(),
  };
  expect(await queueMail(id, user._id, { kind: 'notification', event })).toBe(true);
  expect(await queueMail(id, user._id, { kind: 'notification', event })).toBe(false); // queued once

  const port = (silent.address() as { port: number }).port;
  const stuck = startMailDispatcher({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'dealreg <dealreg@example.test>',
    publicUrl: 'http://dealreg.test',
    linkKey: auditKeys().mailLinkKey,
    pollMs: 100,
    timeoutMs: 300,
    concurrency: 2,
    retryWindowMs: 600_000,
    logger: pino({ level: 'silent' }),
  });
  const failed = await eventually(async () => {
    const mail = await Mail.findById(id).lean<MailDoc>().exec();
    return mail && mail.attempts >= 1 ? mail : undefined;
  }, 'a failed attempt');
  await stuck.stop();
  expect(failed).toMatchObject({ status: 'queued', lastError: expect.any(String) });

  // Due now, as its backoff would make it later; a server that answers gets it.
  await Mail.updateOne({ _id: id }, { $set: { nextAttemptAt: new Date() } }).exec();
  const working = startTestMailDispatcher();
  try {
    const [arrived] = await waitForMail(email);
    expect(arrived!.subject).toBe('Policy version 7 is now in force');
    const sent = await eventually(async () => {
      const mail = await Mail.findById(id).lean<MailDoc>().exec();
      return mail?.status === 'sent' ? mail : undefined;
    }, 'the mail to be recorded as sent');
    expect(sent.attempts).toBe(failed.attempts + 1);
  } finally {
    await working.stop();
  }
});
