import { useEffect, useRef, useState } from 'preact/hooks';
import { keySignIn, requestPasswordReset, signIn } from '../api/auth';
import { ApiError } from '../api/client';

interface SignInProps {
  notice?: string | undefined;
  onSignedIn(): void;
}

type Mode = 'password' | 'key' | 'reset';

const refusalOf = (error: unknown, wrong: string) =>
  error instanceof ApiError && error.status === 401
    ? wrong
    : error instanceof ApiError && error.status === 429
      ? 'Too many failed sign-ins. Wait a few minutes, then try again.'
      : error instanceof ApiError && error.status === 403
        ? 'Only staff keys (channel manager, auditor, administrator) open the console; partners sign in with their email.'
        : error instanceof ApiError
          ? `${error.title}: ${error.detail}`
          : String(error);

/**
 * Sign-in with email and password (or a staff API key, exchanged for a session at once: the page
 * keeps no key), and a way to ask for a password reset. The session is an HttpOnly cookie.
 */
export function SignIn({ notice, onSignedIn }: SignInProps) {
  const [mode, setMode] = useState<Mode>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [sent, setSent] = useState<string | undefined>();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · dealreg console';
    first.current?.focus();
  }, [mode]);

  const run = async (event: Event, action: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setRefusal(undefined);
    setSent(undefined);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  /** Signs in one way or the other; the secret typed leaves the page's state either way. */
  const signInWith = (event: Event, action: () => Promise<void>, wrong: string) =>
    run(event, async () => {
      try {
        await action();
        onSignedIn();
      } catch (error) {
        setRefusal(refusalOf(error, wrong));
      } finally {
        setPassword('');
        setKey('');
      }
    });
  const submitPassword = (event: Event) =>
    signInWith(
      event,
      () => signIn(email.trim(), password),
      'This email address and password do not match an active account.',
    );
  const submitKey = (event: Event) =>
    signInWith(event, () => keySignIn(key.trim()), 'This API key is not valid (unknown or revoked).');

  const submitReset = (event: Event) =>
    run(event, async () => {
      try {
        await requestPasswordReset(email.trim());
        setSent(
          `If ${email.trim()} belongs to an account, a link to choose a new password is on its way (valid one hour).`,
        );
      } catch (error) {
        setRefusal(refusalOf(error, ''));
      }
    });

  const errorLine = refusal ? (
    <p id="sign-in-error" class="state state-error" role="alert">
      {refusal}
    </p>
  ) : null;
  const switchTo = (next: Mode) => () => {
    setRefusal(undefined);
    setSent(undefined);
    setMode(next);
  };

  return (
    <main class="sign-in" id="main">
      <h1>dealreg console</h1>
      <p>Escalations, registrations and the allocation policy, for channel managers, auditors and administrators.</p>
      {notice ? (
        <p class="state state-notice" role="status">
          {notice}
        </p>
      ) : null}
      {mode === 'password' ? (
        <form onSubmit={submitPassword} class="card" aria-label="Sign in with email and password">
          <label for="email">Email</label>
          <input
            id="email"
            ref={first}
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <label for="password">Password</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={refusal ? 'true' : undefined}
            aria-describedby={refusal ? 'sign-in-error' : undefined}
          />
          {errorLine}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p class="hint">
            <button type="button" class="link" onClick={switchTo('reset')}>
              Forgot your password?
            </button>{' '}
            <button type="button" class="link" onClick={switchTo('key')}>
              Sign in with a staff API key instead
            </button>
          </p>
        </form>
      ) : mode === 'key' ? (
        <form onSubmit={submitKey} class="card" aria-label="Sign in with a staff API key">
          <label for="api-key">Staff API key</label>
          <input
            id="api-key"
            ref={first}
            type="password"
            autocomplete="off"
            spellcheck={false}
            required
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
            aria-describedby="key-hint"
          />
          <p id="key-hint" class="hint">
            Exchanged for a session at once: the console keeps no key.
          </p>
          {errorLine}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p class="hint">
            <button type="button" class="link" onClick={switchTo('password')}>
              Sign in with email and password
            </button>
          </p>
        </form>
      ) : (
        <form onSubmit={submitReset} class="card" aria-label="Reset your password">
          <label for="reset-email">Email</label>
          <input
            id="reset-email"
            ref={first}
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {errorLine}
          {sent ? (
            <p class="state state-notice" role="status">
              {sent}
            </p>
          ) : null}
          <button type="submit" class="primary" disabled={busy}>
            Mail me a reset link
          </button>
          <p class="hint">
            <button type="button" class="link" onClick={switchTo('password')}>
              Back to sign-in
            </button>
          </p>
        </form>
      )}
    </main>
  );
}
