import { useEffect, useRef, useState } from 'preact/hooks';
import { acceptInvitation, resetPassword } from '../api/auth';
import { ApiError } from '../api/client';
import { navigate } from '../router';

interface SetPasswordProps {
  kind: 'invitation' | 'password-reset';
  token: string;
  onDone(notice: string): void;
}

/** The page a mailed link opens: choose a password (and, when invited, one's name as others will see it). */
export function SetPasswordPage({ kind, token, onDone }: SetPasswordProps) {
  const invited = kind === 'invitation';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${invited ? 'Welcome' : 'New password'} · dealreg console`;
    first.current?.focus();
  }, [invited]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password !== repeat) {
      setRefusal('The two passwords differ.');
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    try {
      if (invited) {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        await acceptInvitation(token, {
          password,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(zone ? { timeZone: zone } : {}),
        });
      } else {
        await resetPassword(token, password);
      }
      navigate('/', { replace: true });
      onDone(
        invited
          ? 'Your account is ready. Sign in with your email and new password.'
          : 'Your password is changed. Sign in with it.',
      );
    } catch (error) {
      setRefusal(
        error instanceof ApiError && error.errors.length > 0
          ? error.errors.map((e) => `${e.path === 'password' ? 'The password' : e.path} ${e.message}.`).join(' ')
          : error instanceof ApiError
            ? error.detail
            : String(error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <h1>{invited ? 'Welcome to dealreg' : 'Choose a new password'}</h1>
      <form onSubmit={submit} class="card" aria-label={invited ? 'Activate your account' : 'Set a new password'}>
        {invited ? (
          <>
            <label for="name">Your name (leave empty to keep the one you were invited with)</label>
            <input
              id="name"
              ref={first}
              type="text"
              autocomplete="name"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </>
        ) : null}
        <label for="new-password">Password</label>
        <input
          id="new-password"
          ref={invited ? undefined : first}
          type="password"
          autocomplete="new-password"
          required
          minLength={12}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-describedby="password-hint"
        />
        <p id="password-hint" class="hint">
          At least 12 characters; a few unrelated words make a good one. The commonest passwords are refused.
        </p>
        <label for="repeat-password">Password again</label>
        <input
          id="repeat-password"
          type="password"
          autocomplete="new-password"
          required
          value={repeat}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
        {refusal ? (
          <p class="state state-error" role="alert">
            {refusal}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {invited ? 'Activate my account' : 'Change my password'}
        </button>
      </form>
    </main>
  );
}
