import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from './chart.ts';

/** Compiles a Vega-Lite spec, collecting every warning vega-lite logs instead of printing it. */
export function compileSpec(spec: VegaLiteSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const collect = (...messages: unknown[]) => {
    warnings.push(messages.map(String).join(' '));
    return logger;
  };
  const logger = {
    level: (_level?: number) => logger,
    error: collect,
    warn: collect,
    info: () => logger,
    debug: () => logger,
  };
  // vega-lite's compile() takes a full TopLevelSpec type; the loose record is checked at run time instead.
  const output = compile(spec as unknown as TopLevelSpec, { logger: logger as never });
  return { vega: output.spec as vega.Spec, warnings };
}

/** Renders a Vega-Lite spec to SVG headlessly (no browser; text is drawn by whoever opens the SVG). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
