// Preloaded into a benchmarked server (with --expose-gc): on SIGUSR2 it collects garbage and
// writes process.memoryUsage() to $BENCH_HEAP_FILE, so a benchmark can tell retained memory from
// garbage not yet collected.
import { renameSync, writeFileSync } from 'node:fs';

const gc = (globalThis as { gc?: () => void }).gc;
const file = process.env.BENCH_HEAP_FILE;
if (gc && file) {
  process.on('SIGUSR2', () => {
    gc();
    gc();
    // Written aside and renamed, so the reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
    renameSync(`${file}.tmp`, file);
  });
}
