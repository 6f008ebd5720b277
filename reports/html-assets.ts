import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FILE } from './png.ts';

/**
 * What report.html inlines so that it works offline, from a file:// URL, with no request at all:
 * the browser builds of vega, vega-lite and vega-embed from node_modules, and the chart font.
 */

/** A script to inline, with the package it came from (for error messages). */
export interface InlineScript {
  name: string;
  source: string;
}

export interface HtmlAssets {
  /** In load order: vega-lite needs vega, vega-embed needs both. */
  scripts: InlineScript[];
  /** The chart font (Open Sans regular, TrueType), base64. */
  font_base64: string;
}

/** The UMD browser builds, relative to each package's folder. */
const BROWSER_BUILDS: [pkg: string, file: string][] = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
];

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package. Its `exports` hide build/ from require.resolve, so this
 * resolves the main entry and walks up to the package.json that names the package.
 */
async function packageDir(name: string): Promise<string> {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === name) return dir;
    } catch {
      // No package.json here (a build folder): keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = parent;
  }
}

/** Reads the scripts and the font from node_modules. */
export async function loadHtmlAssets(): Promise<HtmlAssets> {
  const scripts = await Promise.all(
    BROWSER_BUILDS.map(async ([pkg, file]) => ({
      name: `${pkg}/${file}`,
      source: await readFile(join(await packageDir(pkg), file), 'utf8'),
    })),
  );
  const font_base64 = (await readFile(FONT_FILE)).toString('base64');
  return { scripts, font_base64 };
}
