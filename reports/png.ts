import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from './chart.ts';

/**
 * SVG to PNG with resvg, headless and without a browser. resvg draws no text at all when it finds
 * no font for a text element (silently), so it gets exactly one font, shipped as a dependency, and
 * no system fonts: a PNG then looks the same on every machine, and never loses its labels to a
 * machine without fonts.
 */

/** The regular Open Sans file from @expo-google-fonts/open-sans (the family the charts ask for). */
export const FONT_FILE = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf',
);

/** Pixels per SVG unit in the PNG: 2 keeps text sharp on high-density screens. */
export const PNG_SCALE = 2;

/** Raw RGBA pixels of a rasterised SVG, row-major, 4 bytes per pixel. */
export interface Raster {
  width: number;
  height: number;
  pixels: Buffer;
  png: Buffer;
}

/** resvg's options: white background, `scale` pixels per SVG unit, only the given fonts. */
function renderOptions(fontFiles: readonly string[], scale: number): ResvgRenderOptions {
  return {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  };
}

/**
 * Rasterises an SVG. `fontFiles` defaults to the project font; tests pass [] to see what a
 * machine without fonts would get.
 */
export function rasterizeSvg(
  svg: string,
  fontFiles: readonly string[] = [FONT_FILE],
  scale = PNG_SCALE,
): Raster {
  const image = new Resvg(svg, renderOptions(fontFiles, scale)).render();
  return { width: image.width, height: image.height, pixels: image.pixels, png: image.asPng() };
}

/**
 * PNG files of SVGs, drawn with the project font on one worker thread (reports/png-worker.ts): the
 * drawing and the PNG encoding (each ~0.1 s for a chart at PNG_SCALE) run on another core while the
 * caller lays out the next chart. `close` ends the worker once every file asked for has arrived.
 */
export function pngRenderer(): { toPng(svg: string): Promise<Buffer>; close(): Promise<void> } {
  // The worker is TypeScript like its parent: it registers tsx's loader itself (Node 20 does not
  // pass --import on to workers), then loads the module.
  const entry = new URL('./png-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true });
  const waiting = new Map<number, { resolve(png: Buffer): void; reject(error: Error): void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const each of waiting.values()) each.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.png !== undefined)
      entry?.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
    else entry?.reject(new Error(`PNG rendering failed: ${message.error}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the PNG worker stopped (exit code ${code})`)));
  return {
    toPng: (svg) =>
      new Promise<Buffer>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, svg });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
