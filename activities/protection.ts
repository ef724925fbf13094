import { notifyPartners } from './notify';
import { loadRegistration } from './registration-facts';

/** Reminds the partners that protection ends soon (once per end: a retry or an extension's new end is keyed). */
export async function remindExpiring(input: { registrationId: string; protectedUntil: string }): Promise<void> {
  const registration = await loadRegistration(input.registrationId);
  if (registration.status !== 'approved') return;
  await notifyPartners(registration, 'registration.expiring', `expiring:${input.protectedUntil}`);
}
