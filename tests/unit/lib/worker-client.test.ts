import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { CANCELLED, createWorkerClient } from '../../../src/lib/worker-client';
import { ok, type Result } from '../../../src/core/shared/result';

/**
 * A stand-in for a Web Worker: one end of a MessageChannel is the page side (what comlink's
 * `wrap` talks to), the other end exposes the api as the worker's global scope would.
 * 'error' events are dispatched on the fake itself, as the browser does on a Worker.
 */
class FakeWorker extends EventTarget {
  static created: FakeWorker[] = [];
  readonly page: MessagePort;
  readonly inside: MessagePort;
  terminated = 0;

  constructor(api: object) {
    super();
    const channel = new MessageChannel();
    this.page = channel.port1;
    this.inside = channel.port2;
    Comlink.expose(api, this.inside);
    FakeWorker.created.push(this);
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.page.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    if (type === 'message' && listener) this.page.addEventListener(type, listener, options);
    else super.addEventListener(type, listener, options);
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    if (type === 'message' && listener) this.page.removeEventListener(type, listener, options);
    else super.removeEventListener(type, listener, options);
  }

  start(): void {
    this.page.start();
  }

  terminate(): void {
    this.terminated++;
    this.page.close();
    this.inside.close();
  }

  /** What a worker does when its script throws: an ErrorEvent-like, cancelable 'error' event. */
  crash(message: string): Event {
    const event = Object.assign(new Event('error', { cancelable: true }), { message });
    this.dispatchEvent(event);
    return event;
  }
}

/** A promise to resolve from outside, for calls that stay busy until the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets messages cross the channel (they are delivered as macrotasks). */
const settleMessages = () => new Promise((r) => setTimeout(r, 20));

/** Whether a promise has settled, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await settleMessages();
  return settled;
}

function makeApi() {
  const log: string[] = [];
  const gates = new Map<string, ReturnType<typeof deferred<void>>>();
  const api = {
    add(a: number, b: number): Result<number> {
      log.push(`add ${a} ${b}`);
      return ok(a + b);
    },
    async step(name: string): Promise<Result<string>> {
      log.push(`start ${name}`);
      const gate = deferred<void>();
      gates.set(name, gate);
      await gate.promise;
      log.push(`end ${name}`);
      return ok(name.toUpperCase());
    },
    never(): Promise<Result<never>> {
      log.push('never');
      return new Promise(() => {});
    },
    boom(): Result<never> {
      throw new Error('kaput');
    },
  };
  const open = (name: string) => gates.get(name)!.resolve();
  return { api, log, open, gates };
}

type Api = ReturnType<typeof makeApi>['api'];

const clients: { terminate(): void }[] = [];

function setup(options: { idleMs?: number } = {}) {
  const made = makeApi();
  const factory = vi.fn(() => new FakeWorker(made.api) as unknown as Worker);
  const client = createWorkerClient<Api>(factory, { idleMs: options.idleMs ?? 60_000 });
  clients.push(client);
  return { ...made, factory, client };
}

afterEach(() => {
  vi.useRealTimers();
  for (const client of clients.splice(0)) client.terminate();
  for (const worker of FakeWorker.created.splice(0)) {
    worker.page.close();
    worker.inside.close();
  }
});

describe('createWorkerClient', () => {
  it('starts no worker before the first call', () => {
    const { factory } = setup();
    expect(factory).not.toHaveBeenCalled();
  });

  it('a call resolves to the Result the api returned', async () => {
    const { client, factory, log } = setup();
    await expect(client.call(undefined, 'add', 2, 3)).resolves.toEqual({ ok: true, value: 5 });
    expect(log).toEqual(['add 2 3']);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('reuses the same worker for later calls', async () => {
    const { client, factory } = setup();
    await expect(client.call(undefined, 'add', 1, 1)).resolves.toEqual({ ok: true, value: 2 });
    await expect(client.call(new AbortController().signal, 'add', 40, 2)).resolves.toEqual({ ok: true, value: 42 });
    expect(factory).toHaveBeenCalledTimes(1);
    expect(FakeWorker.created[0].terminated).toBe(0);
  });

  it('runs calls one at a time, in the order they were made', async () => {
    const { client, log, open } = setup();
    const first = client.call(undefined, 'step', 'a');
    const second = client.call(undefined, 'step', 'b');
    await settleMessages();
    // 'b' has not started while 'a' is busy.
    expect(log).toEqual(['start a']);
    expect(await isSettled(second)).toBe(false);
    open('a');
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    await settleMessages();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    open('b');
    await expect(second).resolves.toEqual({ ok: true, value: 'B' });
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('an already-aborted signal resolves CANCELLED at once, without starting a worker', async () => {
    const { client, factory, log } = setup();
    const controller = new AbortController();
    controller.abort();
    const result = await client.call(controller.signal, 'add', 1, 2);
    expect(result).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } });
    expect(result).toBe(CANCELLED);
    expect(factory).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('a call aborted while it waits behind another never runs', async () => {
    const { client, log, open } = setup();
    const first = client.call(undefined, 'step', 'a');
    const controller = new AbortController();
    const second = client.call(controller.signal, 'add', 1, 2);
    await settleMessages();
    controller.abort();
    open('a');
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    await expect(second).resolves.toEqual(CANCELLED);
    expect(log).toEqual(['start a', 'end a']);
    // The worker was not killed for it: nothing was running.
    expect(FakeWorker.created[0].terminated).toBe(0);
  });

  it('aborting a running call resolves CANCELLED, terminates the worker, and the next call starts a new one', async () => {
    const { client, factory, log } = setup();
    const controller = new AbortController();
    const running = client.call(controller.signal, 'never');
    await settleMessages();
    expect(log).toEqual(['never']);
    controller.abort();
    await expect(running).resolves.toEqual(CANCELLED);
    const [firstWorker] = FakeWorker.created;
    expect(firstWorker.terminated).toBe(1);

    await expect(client.call(undefined, 'add', 4, 5)).resolves.toEqual({ ok: true, value: 9 });
    expect(factory).toHaveBeenCalledTimes(2);
    expect(FakeWorker.created).toHaveLength(2);
    expect(FakeWorker.created[1]).not.toBe(firstWorker);
    expect(FakeWorker.created[1].terminated).toBe(0);
    expect(firstWorker.terminated).toBe(1);
  });

  it("an 'error' event on the worker resolves WORKER_CRASHED and terminates it", async () => {
    const { client, factory } = setup();
    const running = client.call(undefined, 'never');
    await settleMessages();
    const [worker] = FakeWorker.created;
    const event = worker.crash('Out of memory');
    await expect(running).resolves.toEqual({ ok: false, error: { code: 'WORKER_CRASHED', message: 'Out of memory' } });
    // The browser's default report of the error is suppressed.
    expect(event.defaultPrevented).toBe(true);
    expect(worker.terminated).toBe(1);
    // The next call gets a fresh worker.
    await expect(client.call(undefined, 'add', 1, 1)).resolves.toEqual({ ok: true, value: 2 });
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it("an 'error' event without a message gets a default one", async () => {
    const { client } = setup();
    const running = client.call(undefined, 'never');
    await settleMessages();
    FakeWorker.created[0].crash('');
    await expect(running).resolves.toEqual({ ok: false, error: { code: 'WORKER_CRASHED', message: 'The worker stopped.' } });
  });

  it('an exception thrown by the api resolves INTERNAL with its message and terminates the worker', async () => {
    const { client } = setup();
    await expect(client.call(undefined, 'boom')).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'kaput', params: { detail: 'kaput' } },
    });
    expect(FakeWorker.created[0].terminated).toBe(1);
  });

  it('terminates an idle worker after idleMs, and not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, factory } = setup({ idleMs: 1000 });
    // Messages cross the channel without timers, so the call resolves with timers faked.
    await expect(client.call(undefined, 'add', 1, 2)).resolves.toEqual({ ok: true, value: 3 });
    expect(FakeWorker.created).toHaveLength(1);
    // The idle timer is set just after the call resolves.
    await Promise.resolve();
    await Promise.resolve();
    const [worker] = FakeWorker.created;
    vi.advanceTimersByTime(999);
    expect(worker.terminated).toBe(0);
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(1);
    // The next call starts a new worker.
    vi.useRealTimers();
    await expect(client.call(undefined, 'add', 2, 2)).resolves.toEqual({ ok: true, value: 4 });
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('a new call before idleMs keeps the worker alive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, factory } = setup({ idleMs: 1000 });
    await expect(client.call(undefined, 'add', 1, 2)).resolves.toEqual({ ok: true, value: 3 });
    await Promise.resolve();
    await Promise.resolve();
    vi.advanceTimersByTime(900);
    await expect(client.call(undefined, 'add', 3, 4)).resolves.toEqual({ ok: true, value: 7 });
    await Promise.resolve();
    await Promise.resolve();
    // 900 + 900 = 1800 ms since the first call, but only 900 since the second.
    vi.advanceTimersByTime(900);
    expect(FakeWorker.created[0].terminated).toBe(0);
    vi.advanceTimersByTime(100);
    expect(FakeWorker.created[0].terminated).toBe(1);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('a worker that cannot be started resolves WORKER_CRASHED, and later calls still run', async () => {
    const made = makeApi();
    let attempts = 0;
    const factory = vi.fn(() => {
      // The first start fails as a browser does when workers are not allowed.
      if (attempts++ === 0) throw new DOMException('Workers are not allowed here', 'SecurityError');
      return new FakeWorker(made.api) as unknown as Worker;
    });
    const client = createWorkerClient<Api>(factory, { idleMs: 60_000 });
    clients.push(client);
    await expect(client.call(undefined, 'add', 1, 2)).resolves.toEqual({
      ok: false,
      error: { code: 'WORKER_CRASHED', message: 'Workers are not allowed here', params: { detail: 'Workers are not allowed here' } },
    });
    // The queue survived the failed job.
    await expect(client.call(undefined, 'add', 2, 2)).resolves.toEqual({ ok: true, value: 4 });
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('a call queued behind a failed start runs once the next start works', async () => {
    const made = makeApi();
    let attempts = 0;
    const factory = vi.fn(() => {
      if (attempts++ === 0) throw new Error('no workers');
      return new FakeWorker(made.api) as unknown as Worker;
    });
    const client = createWorkerClient<Api>(factory, { idleMs: 60_000 });
    clients.push(client);
    const first = client.call(undefined, 'add', 1, 1);
    const second = client.call(undefined, 'add', 3, 3);
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'WORKER_CRASHED', params: { detail: 'no workers' } } });
    await expect(second).resolves.toEqual({ ok: true, value: 6 });
  });

  it('a call cancelled while queued answers at once and the next call still waits for the running one', async () => {
    const { client, log, open } = setup();
    const first = client.call(undefined, 'step', 'a');
    const controller = new AbortController();
    const second = client.call(controller.signal, 'add', 1, 2);
    await settleMessages();
    controller.abort();
    // Resolved at once, while 'a' is still busy.
    await expect(second).resolves.toBe(CANCELLED);
    const third = client.call(undefined, 'add', 5, 6);
    await settleMessages();
    // 'add 5 6' must not start beside 'a'.
    expect(log).toEqual(['start a']);
    expect(await isSettled(third)).toBe(false);
    open('a');
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    await expect(third).resolves.toEqual({ ok: true, value: 11 });
    // The cancelled call never ran.
    expect(log).toEqual(['start a', 'end a', 'add 5 6']);
  });

  it('the idle timer does not stop the worker under a running job when a queued call is cancelled', async () => {
    const { client, open } = setup({ idleMs: 30 });
    const first = client.call(undefined, 'step', 'a');
    const controller = new AbortController();
    const second = client.call(controller.signal, 'add', 1, 2);
    await settleMessages();
    controller.abort();
    await expect(second).resolves.toBe(CANCELLED);
    // Well past idleMs while 'a' runs.
    await new Promise((r) => setTimeout(r, 100));
    const [worker] = FakeWorker.created;
    expect(worker.terminated).toBe(0);
    open('a');
    await expect(first).resolves.toEqual({ ok: true, value: 'A' });
    // Now nothing runs or waits: the idle timer stops the worker.
    await new Promise((r) => setTimeout(r, 100));
    expect(worker.terminated).toBe(1);
  });

  it('terminate() stops the worker, and a later call starts a new one', async () => {
    const { client, factory } = setup();
    await expect(client.call(undefined, 'add', 1, 2)).resolves.toEqual({ ok: true, value: 3 });
    client.terminate();
    expect(FakeWorker.created[0].terminated).toBe(1);
    await expect(client.call(undefined, 'add', 5, 5)).resolves.toEqual({ ok: true, value: 10 });
    expect(factory).toHaveBeenCalledTimes(2);
  });
});
