import type { EventContract } from './cloudevent';

/**
 * A lookup of event contracts by type, built from the contracts a service produces or consumes.
 * Duplicate types are refused: two schemas for one type would make validation depend on order.
 */
export class ContractRegistry {
  private readonly byType = new Map<string, EventContract>();

  constructor(contracts: readonly EventContract[] = []) {
    for (const contract of contracts) this.add(contract);
  }

  add(contract: EventContract): this {
    const existing = this.byType.get(contract.type);
    if (existing && existing !== contract) {
      throw new Error(`Event type ${contract.type} is registered twice with different contracts`);
    }
    this.byType.set(contract.type, contract);
    return this;
  }

  get(type: string): EventContract | undefined {
    return this.byType.get(type);
  }

  /** Like `get`, but an unknown type is a programming error. */
  require(type: string): EventContract {
    const contract = this.byType.get(type);
    if (!contract) throw new Error(`No event contract registered for type ${type}`);
    return contract;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  all(): EventContract[] {
    return [...this.byType.values()];
  }

  /** Distinct topics of the registered contracts, sorted (for `ensureTopics`). */
  topics(): string[] {
    return [...new Set(this.all().map((c) => c.topic))].sort();
  }
}

export function createContractRegistry(...groups: ReadonlyArray<readonly EventContract[]>): ContractRegistry {
  return new ContractRegistry(groups.flat());
}
