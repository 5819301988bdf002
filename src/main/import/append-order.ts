/**
 * The order of one import session's appends that carry a `seq` (0, 1, 2 …). The page keeps several
 * appends on their way and HTTP requests on separate connections may overtake each other, so each
 * append waits for the one before it: parts are stored, and errors numbered, as the file had them.
 */
interface Turn {
  /** Settles once that seq's append has run (or the session ended). */
  done: Promise<void>;
  settle: () => void;
  /** An append with this seq has arrived. */
  taken: boolean;
}

export class AppendOrder {
  private readonly turns = new Map<number, Turn>();

  private turn(seq: number): Turn {
    let turn = this.turns.get(seq);
    if (!turn) {
      let settle: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (settle = resolve));
      turn = { done, settle, taken: false };
      this.turns.set(seq, turn);
    }
    return turn;
  }

  /** Whether an append with this seq has already arrived. */
  arrived(seq: number): boolean {
    return this.turns.get(seq)?.taken === true;
  }

  /** Takes `seq`'s turn: resolves when the append before it has run. */
  take(seq: number): Promise<void> {
    this.turn(seq).taken = true;
    return seq === 0 ? Promise.resolve() : this.turn(seq - 1).done;
  }

  /** `seq`'s append has run (or failed): the next may go. */
  finished(seq: number): void {
    this.turn(seq).settle();
  }

  /** The first seq some later append waits for but that never arrived, if any. */
  missing(): number | undefined {
    return [...this.turns.entries()].find(([, turn]) => !turn.taken)?.[0];
  }

  /** The session ended: every append still waiting runs now (and finds the session gone). */
  releaseAll(): void {
    for (const turn of this.turns.values()) turn.settle();
  }
}
