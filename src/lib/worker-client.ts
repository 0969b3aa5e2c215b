/**
 * One client per worker kind: starts the worker on first use, runs one job at a time,
 * cancels by terminating (the only way to stop a busy worker) and re-creating it on the
 * next call, stops an idle worker, and turns a crashed worker into an error result.
 * Every call resolves to a Result; nothing is thrown across the boundary.
 */
import * as Comlink from 'comlink';
import type { Result } from '../core/shared/result';

export interface WorkerClientOptions {
  /** Terminate the worker after this long without a job. @default 30000 */
  idleMs?: number;
}

type AnyFn = (...args: never[]) => unknown;
type Resolved<T> = T extends Promise<infer U> ? U : T;

export interface WorkerClient<Api> {
  /** Runs `method` in the worker; an aborted signal resolves to CANCELLED at once. */
  call<K extends keyof Api>(
    signal: AbortSignal | undefined,
    method: K,
    ...args: Api[K] extends AnyFn ? Parameters<Api[K]> : never
  ): Promise<Api[K] extends AnyFn ? Resolved<ReturnType<Api[K]>> : never>;
  terminate(): void;
}

export const CANCELLED = { ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } } as const;

export function createWorkerClient<Api>(createWorker: () => Worker, options: WorkerClientOptions = {}): WorkerClient<Api> {
  const idleMs = options.idleMs ?? 30_000;
  let worker: Worker | null = null;
  let remote: Comlink.Remote<Api> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Calls made and not yet finished (running or waiting their turn). */
  let pending = 0;

  function terminate(): void {
    clearTimeout(idleTimer);
    if (remote) remote[Comlink.releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
  }

  function ensure(): { worker: Worker; remote: Comlink.Remote<Api> } {
    clearTimeout(idleTimer);
    if (!worker || !remote) {
      worker = createWorker();
      remote = Comlink.wrap<Api>(worker);
    }
    return { worker, remote };
  }

  /** Stops the worker after idleMs, but only when nothing is running or waiting. */
  function armIdleTimer(): void {
    clearTimeout(idleTimer);
    if (worker && pending === 0) idleTimer = setTimeout(() => pending === 0 && terminate(), idleMs);
  }

  function run(signal: AbortSignal | undefined, method: keyof Api, args: unknown[]): Promise<Result<unknown>> {
    if (signal?.aborted) return Promise.resolve(CANCELLED);
    let current: { worker: Worker; remote: Comlink.Remote<Api> };
    try {
      current = ensure();
    } catch (error) {
      // e.g. a SecurityError when the page may not start workers: a result, not a throw.
      return Promise.resolve(crashed(error));
    }
    return new Promise<Result<unknown>>((resolve) => {
      let settled = false;
      const settle = (result: Result<unknown>, kill: boolean) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        current.worker.removeEventListener('error', onError);
        if (kill) terminate();
        resolve(result);
      };
      const onAbort = () => settle(CANCELLED, true);
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        settle({ ok: false, error: { code: 'WORKER_CRASHED', message: event.message || 'The worker stopped.' } }, true);
      };
      signal?.addEventListener('abort', onAbort);
      current.worker.addEventListener('error', onError);
      const fn = current.remote[method] as unknown as (...a: unknown[]) => Promise<Result<unknown>>;
      fn(...args).then(
        (result) => settle(result, false),
        (error: unknown) => settle({ ok: false, error: { code: 'INTERNAL', message: String((error as Error)?.message ?? error), params: { detail: String((error as Error)?.message ?? error) } } }, true),
      );
    });
  }

  return {
    call(signal, method, ...args) {
      if (signal?.aborted) return Promise.resolve(CANCELLED) as never;
      pending++;
      clearTimeout(idleTimer);
      // A call cancelled while it waits answers CANCELLED at once; its turn still comes
      // (and is skipped), so the queue always follows the job really running.
      let answerEarly: (result: Result<unknown>) => void = () => {};
      const early = new Promise<Result<unknown>>((resolve) => (answerEarly = resolve));
      const onQueuedAbort = () => answerEarly(CANCELLED);
      signal?.addEventListener('abort', onQueuedAbort, { once: true });
      const turn = queue.then(() => {
        signal?.removeEventListener('abort', onQueuedAbort);
        return run(signal, method, args as unknown[]);
      });
      const job = turn.catch(crashed);
      queue = job.then(() => {
        pending--;
        armIdleTimer();
      });
      return Promise.race([job, early]) as never;
    },
    terminate,
  };
}

function crashed(error: unknown): Result<never> {
  const detail = String((error as Error)?.message ?? error);
  return { ok: false, error: { code: 'WORKER_CRASHED', message: detail, params: { detail } } };
}
