import { PerformanceObserver } from 'node:perf_hooks';
import type { GcActivity } from '../lib/types.ts';

/**
 * Counts the garbage collections that start while it watches (PerformanceObserver on 'gc').
 * Entries arrive asynchronously, so `stop()` waits one macrotask before reading them, and keeps
 * only those that started inside the watched window.
 */
export function watchGc(): { stop: () => Promise<GcActivity> } {
  const entries: { startTime: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      entries.push({ startTime: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  return {
    async stop() {
      const end = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      observer.disconnect();
      const inside = entries.filter((entry) => entry.startTime >= start && entry.startTime <= end);
      return { gc_count: inside.length, gc_ms: inside.reduce((sum, entry) => sum + entry.duration, 0) };
    },
  };
}
