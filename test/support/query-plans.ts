import { readFile } from 'node:fs/promises';

/**
 * Plans that auto_explain wrote to a PostgreSQL server log (stderr format, `log_line_prefix` carrying
 * `db=%d`, `auto_explain.log_format = json`): one entry per statement executed in `database`.
 */
export interface LoggedPlan {
  query: string;
  /** Every relation the plan reads by a sequential scan. */
  sequentialScans: string[];
}

const entryStart = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] db=(\S*) /;

export async function logSize(file: string): Promise<number> {
  return (await readFile(file)).length;
}

export async function plansLoggedSince(file: string, offset: number, database: string): Promise<LoggedPlan[]> {
  const text = (await readFile(file)).subarray(offset).toString('utf8');
  const entries: Array<{ database: string; lines: string[] }> = [];
  for (const line of text.split('\n')) {
    const start = entryStart.exec(line);
    if (start) entries.push({ database: start[1] ?? '', lines: [line.slice(start[0].length)] });
    else entries.at(-1)?.lines.push(line);
  }
  return entries
    .filter((entry) => entry.database === database)
    .map((entry) => entry.lines.join('\n'))
    .flatMap((message) => {
      const at = message.indexOf('plan:');
      if (!message.startsWith('LOG:') || at < 0) return [];
      const explained = JSON.parse(message.slice(at + 'plan:'.length)) as { 'Query Text': string; Plan: PlanNode };
      return [{ query: explained['Query Text'], sequentialScans: sequentialScansOf(explained.Plan) }];
    });
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScansOf(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScansOf)];
}
