/**
 * A worker thread that rasterises SVGs to PNG files (reports/png.ts's rasterizeSvg), so that a run's
 * charts are drawn and PNG-encoded on another core while the main thread lays out the next ones.
 * Receives `{ id, svg }`, answers `{ id, png }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { messageOf } from '../lib/errors.ts';
import { rasterizeSvg } from './png.ts';

parentPort?.on('message', ({ id, svg }: { id: number; svg: string }) => {
  try {
    const { png } = rasterizeSvg(svg);
    // Copied, not transferred: resvg's buffer is native memory, which Node 22 and 24 refuse to transfer.
    parentPort?.postMessage({ id, png });
  } catch (error) {
    parentPort?.postMessage({ id, error: messageOf(error) });
  }
});
