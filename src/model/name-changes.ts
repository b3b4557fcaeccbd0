/**
 * Co-authors who changed their name: a configured mapping from former to current names, applied to the store on
 * sync and to the rendered lists. A former name matches as the owner's name does (family folded, given names or
 * initials compatible).
 */
import { OwnerMatcher, type PersonName } from './names.js';

export class NameChanges {
  private readonly rules: ReadonlyArray<{ readonly former: OwnerMatcher; readonly current: PersonName }>;

  constructor(pairs: ReadonlyArray<readonly [PersonName, PersonName]>) {
    this.rules = pairs.map(([former, current]) => ({ former: new OwnerMatcher([former]), current }));
  }

  get size(): number {
    return this.rules.length;
  }

  /** The current name for a former one; any other name unchanged. */
  apply(name: PersonName): PersonName {
    const rule = this.rules.find((r) => r.former.matches(name));
    return rule ? rule.current : name;
  }

  applyAll(names: readonly PersonName[]): PersonName[] {
    return names.map((n) => this.apply(n));
  }
}
