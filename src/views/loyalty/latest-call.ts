/**
 * Runs a worker call at a time: while one runs, only the latest request waits (typing ten
 * characters sends two or three calls, not ten), and an answer is applied only when no newer
 * request came in after it was asked, so a late answer never overwrites a newer one.
 */
export class LatestCall<Request, Answer> {
  #running = false;
  #waiting: { request: Request } | null = null;
  /** Grows with every request and every cancel; an answer of an older generation is dropped. */
  #generation = 0;
  readonly #run: (request: Request) => Promise<Answer>;
  readonly #apply: (answer: Answer, request: Request) => void;

  constructor(run: (request: Request) => Promise<Answer>, apply: (answer: Answer, request: Request) => void) {
    this.#run = run;
    this.#apply = apply;
  }

  /** Asks for a request now, or after the call that is running (replacing any that waited). */
  request(request: Request): void {
    this.#generation++;
    if (this.#running) {
      this.#waiting = { request };
      return;
    }
    void this.#start(request);
  }

  /** Drops the waiting request and any answer still to come. */
  cancel(): void {
    this.#generation++;
    this.#waiting = null;
  }

  async #start(request: Request): Promise<void> {
    const generation = this.#generation;
    this.#running = true;
    let answer: Answer;
    try {
      answer = await this.#run(request);
    } finally {
      this.#running = false;
    }
    if (generation === this.#generation) this.#apply(answer, request);
    const next = this.#waiting;
    this.#waiting = null;
    if (next) void this.#start(next.request);
  }
}
