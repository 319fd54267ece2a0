/**
 * Folds pulled articles into the KB index's merged blobs after a pull, one merge at a time. Pulled articles are
 * searchable at once (the index reads its newest postings and skips replaced articles), but searches slow down as
 * those grow (3,000 republished articles: 17 ms a search instead of 9), and a merge is bulk work that blocks its
 * thread: the desktop runs it in the import worker. Pulls during a merge ask for one more when it ends.
 */
export class KnowledgeIndexMerge {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly merge: () => Promise<void>, private readonly onError: (err: Error) => void) {}

  /** After a pull applied articles: merge now, or once more after the merge in progress. */
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.merge()
      .catch((err: Error) => this.onError(err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }

  /** Resolves when no merge is running (at shutdown, before the database closes). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
