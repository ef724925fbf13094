import { Escalation, type EscalationDoc } from './escalations';
import { appendToList, entriesBelow, isListed, type NewestFirstPage } from './numbered-list';

/**
 * Escalations in numbered lists (db/numbered-list.ts), so that `GET /escalations` reads what its
 * `limit` asks for instead of a day bucket whole: every escalation in `escalations:*` when first saved,
 * and in its status's list when it first has that status (a page of a status is in the order they
 * came to it: open ones by opening, resolved ones by resolution). For `saveEscalation` to call after
 * each save of an escalation's projection; a repeated call appends nothing.
 */
const listOf = (status?: EscalationDoc['status']) => (status ? `escalations:status=${status}` : 'escalations:*');

export async function listEscalation(doc: Pick<EscalationDoc, '_id' | 'status'>): Promise<void> {
  for (const list of [listOf(), listOf(doc.status)]) {
    if (!(await isListed(list, doc._id))) await appendToList(list, doc._id, new Date());
  }
}

/** A page of escalations (of a status, or all), newest first, below the list number `below`. */
export async function escalationPage(
  status: EscalationDoc['status'] | undefined,
  below: number | undefined,
  limit: number,
): Promise<NewestFirstPage<EscalationDoc>> {
  // Two overlapping saves may both have appended an escalation: a page shows it once.
  const shown = new Set<string>();
  return entriesBelow(listOf(status), below, limit, (entries) =>
    Promise.all(
      entries.map(async (entry) => {
        const doc = await Escalation.findById(entry.ref).lean<EscalationDoc>().exec();
        if (!doc || (status !== undefined && doc.status !== status) || shown.has(doc._id)) return undefined;
        shown.add(doc._id);
        return doc;
      }),
    ),
  );
}
