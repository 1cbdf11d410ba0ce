/** The live admin fault rules, with ids, in the order they were added. */
import { compileRule, type CompiledRule } from './compile-rule.js';
import type { FaultRule } from './fault.js';
import { IdInUseError } from '../validation/index.js';

/** A mutable list of admin rules; generated ids are `f1`, `f2`, … and never reused. */
export class FaultStore {
  #rules: CompiledRule[] = [];
  #nextId = 1;

  /**
   * Adds validated rules, keeping each given `id`; returns their ids. A given id that a live
   * rule (or another rule of the batch) already has is an error and nothing is added: renaming it
   * silently would leave the caller deleting by an id that is not the rule's.
   * @throws IdInUseError listing each clash.
   */
  add(rules: readonly FaultRule[]): string[] {
    const taken = new Set(this.#rules.map((r) => r.rule.id));
    const problems: string[] = [];
    for (const { id } of rules) {
      if (id === undefined) continue;
      if (taken.has(id)) problems.push(`id "${id}" is already in use`);
      taken.add(id);
    }
    if (problems.length > 0) throw new IdInUseError('fault rule id already in use', problems);
    return rules.map((rule) => {
      let id = rule.id;
      // A generated id skips any that a caller chose.
      while (id === undefined || (rule.id === undefined && taken.has(id))) {
        id = `f${this.#nextId++}`;
      }
      taken.add(id);
      this.#rules.push(compileRule({ ...rule, id }));
      return id;
    });
  }

  /** Removes the rule with `id`; false if there was none. */
  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.rule.id !== id);
    return this.#rules.length < before;
  }

  /** Removes every rule; returns how many there were. */
  clear(): number {
    const n = this.#rules.length;
    this.#rules = [];
    return n;
  }

  /** The rules, each with its id. */
  list(): FaultRule[] {
    return this.#rules.map((r) => r.rule);
  }

  /** The compiled rules, for matching. */
  compiled(): readonly CompiledRule[] {
    return this.#rules;
  }
}
