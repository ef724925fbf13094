import { useEffect, useState } from 'preact/hooks';
import { currentSession, signOut as endSession } from './api/auth';
import { ApiError, onUnauthorized } from './api/client';
import { identify } from './api/me';
import type { Me } from './api/types';
import { SetPasswordPage } from './pages/set-password';
import { SignIn } from './pages/sign-in';
import { match, useLocation } from './router';
import { abilitiesOf, isStaffRole, type Session, SessionContext } from './session';
import { Shell } from './shell';
import { Loading } from './ui/states';

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'signed-in'; csrf: string; me: Me };

/** Partner keys are for integrations: the API refuses them a session, and the console a page. */
const partnerKeyNotice =
  'A partner signs in to the console with its email and password; partner API keys are for integrations.';

/**
 * The console's session lives in an HttpOnly cookie: on load, the API says whether there is one
 * (GET /auth/session) and who it is (GET /me); the page itself keeps no key and no password.
 */
export function App() {
  const { path } = useLocation();
  const [state, setState] = useState<State>({ kind: 'checking' });

  const settle = async (notice?: string) => {
    try {
      const session = await currentSession();
      const me = await identify(session.csrfToken);
      if (isStaffRole(me.role) || me.userId) {
        setState({ kind: 'signed-in', csrf: session.csrfToken, me });
        return;
      }
      await endSession(session.csrfToken).catch(() => undefined);
      setState({ kind: 'signed-out', notice: partnerKeyNotice });
    } catch (error) {
      const ended = error instanceof ApiError && error.status === 401;
      setState({
        kind: 'signed-out',
        ...(notice || !ended ? { notice: notice ?? 'Could not reach the API; try again.' } : {}),
      });
    }
  };

  useEffect(() => {
    void settle();
  }, []);

  useEffect(
    () => onUnauthorized(() => setState({ kind: 'signed-out', notice: 'Your session has ended. Sign in again.' })),
    [],
  );

  // Links mailed to people work without a session.
  const invitation = match('/invitation/:token', path);
  const reset = match('/reset-password/:token', path);
  if (invitation || reset) {
    return (
      <SetPasswordPage
        kind={invitation ? 'invitation' : 'password-reset'}
        token={(invitation ?? reset)?.token as string}
        onDone={(notice) => setState({ kind: 'signed-out', notice })}
      />
    );
  }

  if (state.kind === 'checking') return <Loading what="your session" />;
  if (state.kind === 'signed-out') return <SignIn notice={state.notice} onSignedIn={() => settle()} />;
  const signOut = async () => {
    await endSession(state.csrf).catch(() => undefined);
    setState({ kind: 'signed-out', notice: 'You are signed out.' });
  };
  const session: Session = { csrf: state.csrf, me: state.me, can: abilitiesOf(state.me), signOut };
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
