import type { AccountRecord, ProgramRecord } from '../domain/vendor/records';
import { Account } from './accounts';
import { Distributor } from './partners';
import { Program, Seller } from './vendor-records';
import type { FieldProblem } from './vendor-store';

/**
 * Records a vendor record names must exist: an account's owner and programs, a program's member
 * accounts. Programs may be created first and accounts join them, or accounts first and programs list
 * them; either way nothing names what is not there. An import keeps what it learnt for its next rows.
 */
const lookups = {
  distributor: (id: string) => Distributor.exists({ _id: id }).exec(),
  seller: (id: string) => Seller.exists({ _id: id }).exec(),
  program: (id: string) => Program.exists({ _id: id }).exec(),
  account: (id: string) => Account.exists({ _id: id }).exec(),
};

export class ReferenceCheck {
  private readonly known = new Map<string, Promise<boolean>>();

  private exists(kind: keyof typeof lookups, id: string): Promise<boolean> {
    const key = `${kind}:${id}`;
    let answer = this.known.get(key);
    if (!answer) {
      answer = lookups[kind](id).then((found) => Boolean(found));
      this.known.set(key, answer);
      // A miss is asked again next time: the record may be created meanwhile (programs before accounts).
      answer.then((found) => (found ? undefined : this.known.delete(key)));
    }
    return answer;
  }

  async ofAccount(record: AccountRecord): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const owner = record.owner;
    if (owner) {
      const found =
        owner.kind === 'distributor'
          ? await this.exists('distributor', owner.id)
          : await this.exists('seller', owner.id);
      if (!found) problems.push({ path: 'owner.id', message: `unknown ${owner.kind} "${owner.id}"` });
    }
    const programs = record.programs ?? [];
    const found = await Promise.all(programs.map((id) => this.exists('program', id)));
    programs.forEach((id, index) => {
      if (!found[index]) problems.push({ path: `programs.${index}`, message: `unknown program "${id}"` });
    });
    return problems;
  }

  async ofProgram(record: ProgramRecord): Promise<FieldProblem[]> {
    const accounts = record.accounts ?? [];
    const problems: FieldProblem[] = [];
    // In slices: a program may list a thousand members, each a point read.
    for (let start = 0; start < accounts.length; start += 50) {
      const slice = accounts.slice(start, start + 50);
      const found = await Promise.all(slice.map((id) => this.exists('account', id)));
      slice.forEach((id, offset) => {
        if (!found[offset]) problems.push({ path: `accounts.${start + offset}`, message: `unknown account "${id}"` });
      });
    }
    return problems;
  }
}
