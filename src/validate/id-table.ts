/**
 * Ids turned into small integers, so that the validator's hot loops index typed arrays
 * instead of hashing strings. The scenario's own ids keep their scenario index; an id the
 * scenario does not know gets the next free index (and `unknown-reference` reports it).
 */
export class IdTable {
  private readonly others = new Map<string, number>();
  private readonly otherIds: string[] = [];

  constructor(
    private readonly known: ReadonlyMap<string, number>,
    private readonly knownIds: readonly string[],
  ) {}

  /** How many ids the scenario knows: indexes below it are the scenario's. */
  get knownCount(): number {
    return this.knownIds.length;
  }

  /** Every index handed out so far is below this. */
  get size(): number {
    return this.knownIds.length + this.otherIds.length;
  }

  indexOf(id: string): number {
    const known = this.known.get(id);
    if (known !== undefined) return known;
    let other = this.others.get(id);
    if (other === undefined) {
      other = this.size;
      this.others.set(id, other);
      this.otherIds.push(id);
    }
    return other;
  }

  isKnown(index: number): boolean {
    return index < this.knownIds.length;
  }

  idOf(index: number): string {
    return (
      index < this.knownIds.length
        ? this.knownIds[index]
        : this.otherIds[index - this.knownIds.length]
    ) as string;
  }
}

/**
 * `table.indexOf`, looked up only when the id differs from the one before: a run of one
 * id costs one lookup.
 */
export function runLookup(table: IdTable): (id: string) => number {
  let lastId: string | undefined;
  let lastIndex = -1;
  return (id) => {
    if (id !== lastId) {
      lastId = id;
      lastIndex = table.indexOf(id);
    }
    return lastIndex;
  };
}
