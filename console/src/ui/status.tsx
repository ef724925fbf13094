import { words } from './format';

/** A status in words and colour; the word carries the meaning, the colour only helps scanning. */
export function StatusBadge({ status }: { status: string | undefined }) {
  if (!status) return <span class="badge">unknown</span>;
  return <span class={`badge badge-${status}`}>{words(status)}</span>;
}
