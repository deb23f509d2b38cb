/**
 * A handlebars environment per output kind, with the formatter registry and
 * the partials registered. HTML escapes every `{{value}}`; Markdown turns
 * handlebars' escaping off because its view is escaped for Markdown before
 * rendering (see `escapeMarkdown`). Templates never use triple-stash.
 */
import Handlebars from 'handlebars';
import { cssString, FORMATTERS, type Formatter } from './formatters.ts';
import { loadTemplateSources } from './template-sources.ts';
import { drawSchoolChart } from './school-chart.ts';
import { drawTrajectory } from './trajectory-chart.ts';

/** An output kind: decides the escaping. */
export type OutputKind = 'html' | 'md';

/** Renders templates by name (`report.html` for `templates/report.html.hbs`). */
export interface TemplateEnv {
  /**
   * Render a template.
   *
   * @param name
   *   The template's name, its file name without `.hbs`.
   * @param view
   *   The data.
   * @returns
   *   The rendered text.
   */
  render(name: string, view: object): string;
}

/**
 * Create an isolated handlebars environment.
 *
 * @param kind
 *   `html` (escape values as HTML) or `md` (values are escaped beforehand).
 * @param formatters
 *   Helpers by name (default: `FORMATTERS`).
 * @returns
 *   The environment.
 */
export async function createTemplateEnv(kind: OutputKind, formatters: Record<string, Formatter> = FORMATTERS): Promise<TemplateEnv> {
  const sources = await loadTemplateSources();
  const env = Handlebars.create();
  for (const [name, format] of Object.entries(formatters)) {
    // Handlebars passes its options object last; formatters take only the values.
    env.registerHelper(name, (...args: unknown[]) => format(...args.slice(0, -1)));
  }
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('or', (a: unknown, b: unknown) => a || b);
  env.registerHelper('not', (a: unknown) => !a);
  // A CSS string literal whose every character outside [A-Za-z0-9] is a CSS escape: safe inside <style> as it is.
  env.registerHelper('cssString', (value: string) => new env.SafeString(cssString(String(value))));
  // The one helper that returns markup: an SVG drawn from numbers only (never document text).
  env.registerHelper('trajectoryChart', (entry: Parameters<typeof drawTrajectory>[0]) => {
    const svg = kind === 'html' ? drawTrajectory(entry) : null;
    return svg === null ? '' : new env.SafeString(svg);
  });
  // The audit's chart per indicator: schools' values as dots against the threshold, numbers only.
  env.registerHelper('schoolChart', (input: Parameters<typeof drawSchoolChart>[0]) => {
    const svg = kind === 'html' ? drawSchoolChart(input) : null;
    return svg === null ? '' : new env.SafeString(svg);
  });
  for (const [name, source] of Object.entries(sources.partials)) env.registerPartial(name, source);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        const source = sources.templates[name];
        if (source === undefined) throw new Error(`createTemplateEnv: no template named ${name}`);
        template = env.compile(source, { noEscape: kind === 'md', strict: true });
        compiled.set(name, template);
      }
      return template(view);
    },
  };
}
