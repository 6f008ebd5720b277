import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FONT_FILE, PNG_SCALE, pngRenderer, type Raster, rasterizeSvg } from '../reports/png.ts';
import { renderSvg } from '../reports/render.ts';
import { FONT_FAMILY, type VegaLiteSpec } from '../reports/chart.ts';

/** A chart whose only dark pixels, besides its axes, are the glyphs of a big title. */
function titled(title: string | null): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: FONT_FAMILY },
    ...(title === null ? {} : { title: { text: title, fontSize: 40, color: '#000' } }),
    width: 300,
    height: 60,
    data: { values: [{ n: 1, y: 1 }] },
    mark: { type: 'point', opacity: 0 },
    encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  };
}

/** Pixels darker than mid-grey on every channel. */
function darkPixels(raster: Raster): number {
  let count = 0;
  for (let i = 0; i < raster.pixels.length; i += 4) {
    const [r, g, b] = [raster.pixels[i], raster.pixels[i + 1], raster.pixels[i + 2]] as number[];
    if ((r as number) < 100 && (g as number) < 100 && (b as number) < 100) count++;
  }
  return count;
}

/** Dark pixels the title adds, rasterised with the given fonts. */
async function titleInk(fontFiles?: readonly string[]): Promise<number> {
  const withTitle = rasterizeSvg(await renderSvg(titled('MEMOBENCH 123')), fontFiles);
  const without = rasterizeSvg(await renderSvg(titled(null)), fontFiles);
  return darkPixels(withTitle) - darkPixels(without);
}

/** A 40 px title of 13 characters at scale 2 covers thousands of pixels; a missing one, none. */
const MIN_TITLE_INK = 2000;

describe('PNG charts', () => {
  it('uses the font shipped in node_modules', () => {
    assert.ok(existsSync(FONT_FILE), FONT_FILE);
  });

  it('draw the text of a chart (labels are not silently dropped)', async () => {
    const ink = await titleInk();
    assert.ok(ink > MIN_TITLE_INK, `the title added ${ink} dark pixels`);
  });

  it('would show missing labels: without a font the same title adds no ink', async () => {
    // What resvg does on a machine without fonts; proves the check above can fail.
    const ink = await titleInk([]);
    assert.ok(ink < MIN_TITLE_INK / 20, `without fonts the title added ${ink} dark pixels`);
  });

  it('writes a PNG file at twice the SVG size', async () => {
    const svg = await renderSvg(titled('size'));
    const renderer = pngRenderer();
    const png = await renderer.toPng(svg).finally(() => renderer.close());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    assert.equal(png.readUInt32BE(16), width * PNG_SCALE, 'IHDR width');
    // Drawn on the worker thread: the same file as the synchronous raster.
    assert.ok(png.equals(rasterizeSvg(svg).png));
  });
});
