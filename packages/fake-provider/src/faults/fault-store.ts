/** The live admin fault rules, with ids, in the order they were added. */
import { compileRule, type CompiledRule } from './compile-rule.js';
import type { FaultRule } from './fault.js';

/** A mutable list of admin rules; ids are `f1`, `f2`, … and never reused. */
export class FaultStore {
  #rules: CompiledRule[] = [];
  #nextId = 1;

  /** Adds validated rules (keeping a given `id` if unused); returns their ids. */
  add(rules: readonly FaultRule[]): string[] {
    return rules.map((rule) => {
      let id = rule.id;
      if (id === undefined || this.#rules.some((r) => r.rule.id === id)) id = `f${this.#nextId++}`;
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
