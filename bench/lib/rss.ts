/** Samples the process RSS while a measurement runs and keeps the peak (MiB). */
export class RssSampler {
  private peak = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, intervalMs);
    this.timer.unref();
  }

  /** Peak so far, MiB. */
  peakMb(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak / 1_048_576;
  }

  stop(): number {
    clearInterval(this.timer);
    return this.peakMb();
  }
}
