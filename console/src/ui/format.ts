import type { Money } from '../api/types';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatMoney(money: Money | undefined): string {
  if (!money) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    // An unusual currency code the browser does not know: still show the amount.
    return `${money.amount.toLocaleString()} ${money.currency}`;
  }
}

export const formatPercent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** "2 h 05 min left", "3 min 20 s left" or "overdue by 4 min": precise enough to triage by. */
export function formatTimeLeft(dueAt: string, now: number): string {
  const ms = new Date(dueAt).getTime() - now;
  const text = formatSpan(Math.abs(ms));
  return ms >= 0 ? `${text} left` : `overdue by ${text}`;
}

/** A span of time precise enough to triage by: "2 h 05 min", "3 min 20 s". */
export function formatSpan(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds % 60)} s`;
  return `${seconds % 60} s`;
}

/** Words for the API's kebab-case codes: `possible-duplicate` → `possible duplicate`. */
export const words = (code: string | undefined) => (code ? code.replaceAll('-', ' ') : '—');
