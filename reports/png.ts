import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
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

/**
 * Rasterises an SVG. `fontFiles` defaults to the project font; tests pass [] to see what a
 * machine without fonts would get.
 */
export function rasterizeSvg(
  svg: string,
  fontFiles: readonly string[] = [FONT_FILE],
  scale = PNG_SCALE,
): Raster {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  const image = resvg.render();
  return { width: image.width, height: image.height, pixels: image.pixels, png: image.asPng() };
}

/** The PNG file of an SVG, drawn with the project font. */
export function svgToPng(svg: string): Buffer {
  return rasterizeSvg(svg).png;
}
