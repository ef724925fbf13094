import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DIGEST_HOUR, nextDigestAt } from '../../../domain/email/digest-time';
import { renderMail } from '../../../domain/email/render';
import { readUnsubscribeToken, unsubscribeToken } from '../../../domain/email/unsubscribe-token';
import { passwordProblem } from '../../../domain/people/passwords';

test('passwords: at least 12 characters, not a common one, not the person’s own address or name', () => {
  expect(passwordProblem('short pass')).toMatch(/at least 12/);
  expect(passwordProblem('qwerty123456')).toMatch(/common/);
  expect(passwordProblem('QWERTY123456')).toMatch(/common/);
  expect(passwordProblem('ana.lopez@example.com', { email: 'ana.lopez@example.com' })).toMatch(/email address or name/);
  expect(passwordProblem('violet harbour engine 42')).toBeUndefined();
  // Characters, not UTF-16 units: twelve emoji are twelve characters.
  expect(passwordProblem('🙂'.repeat(11))).toMatch(/at least 12/);
});

const localHour = (at: Date, timeZone: string) =>
  Number(at.toLocaleString('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }));

test('a digest is due at the next 08:00 in the person’s zone, within a day, daylight saving included', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'America/St_Johns'];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...zones),
      (now, zone) => {
        const due = nextDigestAt(now, zone);
        expect(due.getTime()).toBeGreaterThan(now.getTime());
        expect(due.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600 * 1000);
        expect(localHour(due, zone)).toBe(DIGEST_HOUR);
        expect(due.getUTCSeconds()).toBe(0);
      },
    ),
  );
  // 08:00 exactly is the next day's digest; an unknown zone counts as UTC.
  expect(nextDigestAt(new Date('2027-03-01T08:00:00Z'), 'UTC').toISOString()).toBe('2027-03-02T08:00:00.000Z');
  expect(nextDigestAt(new Date('2027-03-01T07:59:00Z'), 'Nowhere/Else').toISOString()).toBe('2027-03-01T08:00:00.000Z');
});

test('an unsubscribe token reads back its person and kind, and a changed one is refused', () => {
  const key = randomBytes(32);
  const token = unsubscribeToken(key, { userId: 'usr_0123456789abcdef', kind: 'registration.approved' });
  expect(readUnsubscribeToken(key, token)).toEqual({ userId: 'usr_0123456789abcdef', kind: 'registration.approved' });
  expect(readUnsubscribeToken(randomBytes(32), token)).toBeUndefined();
  const [body, signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify(['usr_someone', 'registration.approved'])).toString('base64url');
  expect(readUnsubscribeToken(key, `${forged}.${signature}`)).toBeUndefined();
  expect(readUnsubscribeToken(key, `${body}.${signature}.x`)).toBeUndefined();
  expect(readUnsubscribeToken(key, 'garbage')).toBeUndefined();
});

test('mails carry text and HTML, a link into the console, and the stop link; HTML is escaped', () => {
  const person = { name: 'Ana <Admin>', role: 'admin', timeZone: 'Europe/Berlin' };
  const links = {
    consoleUrl: 'https://dealreg.test/console',
    unsubscribeUrl: 'https://dealreg.test/api/v1/unsubscribe/a.b',
  };
  const mail = renderMail(
    {
      kind: 'notification',
      event: {
        type: 'registration.approved',
        audience: 'reseller:value-var',
        payload: {
          registrationId: 'reg_1',
          status: 'approved',
          explanation: 'First <registered>.',
          protectedUntil: '2027-06-01T10:00:00.000Z',
        },
        at: new Date(),
      },
    },
    person,
    links,
  );
  expect(mail.subject).toBe('Registration reg_1 approved');
  expect(mail.text).toContain('https://dealreg.test/console/registrations/reg_1');
  expect(mail.text).toContain('Protected until: 2027-06-01 12:00 (Europe/Berlin)');
  expect(mail.text).toContain('Stop these emails: https://dealreg.test/api/v1/unsubscribe/a.b');
  expect(mail.html).toContain('First &lt;registered&gt;.');
  expect(mail.html).toContain('Hello Ana &lt;Admin&gt;,');
  expect(mail.html).not.toContain('<registered>');

  const invitation = renderMail(
    { kind: 'invitation', token: 'tok_en-1', expiresAt: '2027-06-08T10:00:00.000Z' },
    person,
    { consoleUrl: links.consoleUrl },
  );
  expect(invitation.text).toContain('https://dealreg.test/console/invitation/tok_en-1');
  expect(invitation.text).not.toContain('Stop these emails');
});
