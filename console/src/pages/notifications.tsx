import { useEffect, useState } from 'preact/hooks';
import { notificationSettings, updateNotificationSettings } from '../api/auth';
import { ApiError } from '../api/client';
import type { NotificationSettings } from '../api/types';
import { useSession } from '../session';
import { Page, Section } from '../ui/page';
import { ErrorState, Loading, ProblemList } from '../ui/states';
import { useApi } from '../ui/use-api';

type Preference = 'immediate' | 'daily' | 'off';
const preferenceLabels: Record<Preference, string> = {
  immediate: 'At once',
  daily: 'In the daily digest (08:00)',
  off: 'Never',
};

/** How each kind of email reaches me, and the time zone my daily digest follows. */
export function NotificationsPage() {
  const { csrf } = useSession();
  const loaded = useApi((signal) => notificationSettings(csrf, signal), [csrf]);
  const [draft, setDraft] = useState<NotificationSettings | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (loaded.data) setDraft(loaded.data);
  }, [loaded.data]);
  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setFailure(undefined);
    setSaved(false);
    try {
      setDraft(await updateNotificationSettings(csrf, draft));
      setSaved(true);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'Unexpected error', String(error)));
    }
  };
  const kinds = draft
    ? (Object.keys(draft).filter((key) => key !== 'timeZone') as Array<keyof NotificationSettings>)
    : [];
  return (
    <Page title="Email settings" lead="Every email also carries a link that turns its kind off.">
      <Section title="What reaches me, and when" id="notifications-title">
        {loaded.error ? (
          <ErrorState error={loaded.error} what="your settings" onRetry={loaded.reload} />
        ) : !draft ? (
          <Loading what="your settings" />
        ) : (
          <form onSubmit={save} aria-label="Email settings">
            {kinds.map((kind) => (
              <div class="field" key={kind}>
                <label for={`pref-${kind}`}>{kind}</label>
                <select
                  id={`pref-${kind}`}
                  value={draft[kind]}
                  onChange={(e) => setDraft({ ...draft, [kind]: e.currentTarget.value })}
                >
                  {(Object.keys(preferenceLabels) as Preference[]).map((preference) => (
                    <option key={preference} value={preference}>
                      {preferenceLabels[preference]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div class="field">
              <label for="time-zone">Time zone (IANA, such as Europe/Berlin)</label>
              <input
                id="time-zone"
                type="text"
                value={draft.timeZone}
                onInput={(e) => setDraft({ ...draft, timeZone: e.currentTarget.value })}
              />
            </div>
            {failure ? <ProblemList error={failure} /> : null}
            {saved ? (
              <p class="state state-notice" role="status">
                Saved.
              </p>
            ) : null}
            <button type="submit" class="primary">
              Save
            </button>
          </form>
        )}
      </Section>
    </Page>
  );
}
