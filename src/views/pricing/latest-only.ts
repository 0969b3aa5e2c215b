/**
 * One job at a time, and while it runs only the latest request waits: typing "48.5" sends
 * the job for "4" and then for "48.5", not one per key. The job reads the screen's state
 * when it starts, so the one that waits always runs on the newest inputs.
 */
export function latestOnly(job: () => Promise<void>): () => void {
  let running = false;
  let waiting = false;
  const run = async (): Promise<void> => {
    running = true;
    try {
      await job();
    } finally {
      running = false;
    }
    if (waiting) {
      waiting = false;
      void run();
    }
  };
  return () => {
    if (running) waiting = true;
    else void run();
  };
}
