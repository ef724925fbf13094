import { getJson, query, sendJson } from './client';
import type { AnswerOf, Closing, RegistrationChange, RegistrationSubmission } from './types';

/** What a partner's registration form may offer: segments, regions, programs, products, distributors (and resellers). */
export const registrationForm = (csrf: string, signal?: AbortSignal) =>
  getJson<AnswerOf<'getRegistrationForm'>>(csrf, '/registration-form', signal);

export type { RegistrationForm, RegistrationSubmission } from './types';

/** One Idempotency-Key per filled-in form: a repeat (a double click, a retry) answers the same registration. */
export const submitRegistration = (csrf: string, body: RegistrationSubmission, idempotencyKey: string) =>
  sendJson<AnswerOf<'submitRegistration'>>(csrf, 'POST', '/registrations', body, {
    'Idempotency-Key': idempotencyKey,
  });

const commandPath = (id: string, command: string) => `/registrations/${encodeURIComponent(id)}/${command}`;

export const withdrawRegistration = (csrf: string, id: string, reason?: string) =>
  sendJson<AnswerOf<'withdrawRegistration'>>(csrf, 'POST', commandPath(id, 'withdraw'), reason ? { reason } : {});

export const requestExtension = (csrf: string, id: string, reason: string) =>
  sendJson<AnswerOf<'requestExtension'>>(csrf, 'POST', commandPath(id, 'extension'), { reason });

export const closeRegistration = (csrf: string, id: string, closing: Closing) =>
  sendJson<AnswerOf<'closeRegistration'>>(csrf, 'POST', commandPath(id, 'close'), closing);

/** Changes the opportunity (stage, value, close date, product lines); 422 when an added line is another partner's. */
export const changeRegistration = (csrf: string, id: string, change: RegistrationChange) =>
  sendJson<AnswerOf<'changeRegistration'>>(csrf, 'POST', commandPath(id, 'changes'), change);

/** Asks to be told (deal.available) when the deal this registration was turned away from frees up. */
export const watchDeal = (csrf: string, id: string) =>
  sendJson<AnswerOf<'watchDeal'>>(csrf, 'POST', commandPath(id, 'watch'), undefined);

type PartnerKind = 'reseller' | 'distributor';

/** Sets the organisation's webhook URL; the answer carries a new signing secret, shown this once. */
export const setWebhook = (csrf: string, kind: PartnerKind, id: string, url: string) =>
  sendJson<AnswerOf<'putWebhook'>>(csrf, 'PUT', `/webhooks/${kind}/${encodeURIComponent(id)}`, { url });

export type DeliveryStatus = 'delivered' | 'abandoned';

/** The organisation's webhook's finished deliveries (an org admin's scope), newest first. */
export const listDeliveries = (
  csrf: string,
  status: DeliveryStatus,
  cursor: string | undefined,
  signal?: AbortSignal,
) => getJson<AnswerOf<'listDeliveries'>>(csrf, `/deliveries${query({ status, cursor, limit: 20 })}`, signal);
