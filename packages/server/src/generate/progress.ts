import cliProgress from 'cli-progress';

export interface Progress {
  start(phase: string, total: number): void;
  update(value: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr. With `noTTYOutput` it also prints (every 2 s) when stderr is not a
 * terminal, so CI logs show progress.
 */
export function progressBar(enabled: boolean): Progress {
  if (!enabled) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(phase, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        {
          format: `${phase.padEnd(10)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} | ETA {eta_formatted}`,
          stream: process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          etaBuffer: 200,
          hideCursor: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(value) {
      bar?.update(value);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
