import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { identify } from '../api/me';
import type { Me } from '../api/types';
import { isStaffRole, roleLabels } from '../session';

interface SignInProps {
  notice?: string | undefined;
  onSignedIn(key: string, me: Me): void;
}

/** Sign-in with an API key. Partner keys are turned away here: the console is for the vendor's staff. */
export function SignIn({ notice, onSignedIn }: SignInProps) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · dealreg console';
    input.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setRefusal('Enter your API key.');
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    try {
      const me = await identify(trimmed);
      if (isStaffRole(me.role)) {
        onSignedIn(trimmed, me);
        return;
      }
      setRefusal(
        `This console is for the vendor’s staff: channel managers, auditors and administrators. A ${roleLabels[me.role].toLowerCase()} key works with the HTTP API at /api/v1 and cannot open the console's pages.`,
      );
      setKey('');
    } catch (error) {
      setRefusal(
        error instanceof ApiError && error.status === 401
          ? 'This API key is not valid (unknown or revoked).'
          : error instanceof ApiError
            ? `${error.title}: ${error.detail}`
            : String(error),
      );
    } finally {
      setBusy(false);
    }
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
      <form onSubmit={submit} class="card" aria-describedby="key-hint">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          ref={input}
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
          aria-invalid={refusal ? 'true' : undefined}
          aria-describedby={refusal ? 'sign-in-error key-hint' : 'key-hint'}
        />
        <p id="key-hint" class="hint">
          Kept in this browser tab only, until you sign out or close it.
        </p>
        {refusal ? (
          <p id="sign-in-error" class="state state-error" role="alert">
            {refusal}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
