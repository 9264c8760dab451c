// Figures over samples: medians, percentiles and the spread of repeated runs.

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Linear interpolation between closest ranks (the usual "type 7" estimate).
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (rank - low);
}

export const median = (samples: number[]) => percentile(samples, 50);

/** "12.3 (11.9–12.8)": the median and the range of the runs. */
export function spread(samples: number[], digits = 1, unit = ''): string {
  const f = (n: number) => n.toFixed(digits);
  if (samples.length === 1) return `${f(samples[0]!)}${unit}`;
  return `${f(median(samples))}${unit} (${f(Math.min(...samples))}–${f(Math.max(...samples))})`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const mb = (bytes: number) => bytes / 1024 / 1024;
