import { useEffect, useState } from 'preact/hooks';
import { ApiError, onUnauthorized } from './api/client';
import { identify } from './api/me';
import type { Me } from './api/types';
import { SignIn } from './pages/sign-in';
import { abilitiesOf, forgetKey, isStaffRole, type Session, SessionContext, storedKey, storeKey } from './session';
import { Shell } from './shell';
import { Loading } from './ui/states';

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'signed-in'; key: string; me: Me };

export function App() {
  const [state, setState] = useState<State>(() => (storedKey() ? { kind: 'checking' } : { kind: 'signed-out' }));

  const signOut = (notice?: string) => {
    forgetKey();
    setState({ kind: 'signed-out', ...(notice ? { notice } : {}) });
  };

  // A reload keeps the key for this tab; check it is still valid (and still staff) before showing anything.
  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    identify(key).then(
      (me) => (isStaffRole(me.role) ? setState({ kind: 'signed-in', key, me }) : signOut()),
      (error: unknown) =>
        signOut(
          error instanceof ApiError && error.status === 401
            ? 'Your API key is no longer valid. Sign in again.'
            : 'Could not check your API key; sign in again.',
        ),
    );
  }, []);

  useEffect(() => onUnauthorized(() => signOut('Your API key was refused (revoked?). Sign in again.')), []);

  if (state.kind === 'checking') return <Loading what="your session" />;
  if (state.kind === 'signed-out') {
    return (
      <SignIn
        notice={state.notice}
        onSignedIn={(key, me) => {
          storeKey(key);
          setState({ kind: 'signed-in', key, me });
        }}
      />
    );
  }
  const session: Session = { key: state.key, me: state.me, can: abilitiesOf(state.me.role), signOut: () => signOut() };
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
