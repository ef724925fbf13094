import type { Closing, LostReason } from '../api/types';

/** What a closing form holds before it becomes the API's body. */
export interface ClosingDraft {
  amount: string;
  currency: string;
  reason: LostReason | '';
  note: string;
}
export const emptyClosing: ClosingDraft = { amount: '', currency: 'USD', reason: '', note: '' };

/** The close body: the amount only when one was given (the API refuses what is wrong at its field). */
export function closingOf(outcome: 'won' | 'lost', draft: ClosingDraft): Closing {
  if (outcome === 'won') {
    const amount = draft.amount.trim();
    return amount === ''
      ? { outcome }
      : { outcome, amount: { amount: Number(amount), currency: draft.currency.trim().toUpperCase() } };
  }
  const note = draft.note.trim();
  return { outcome, reason: draft.reason as LostReason, ...(note ? { note } : {}) };
}
