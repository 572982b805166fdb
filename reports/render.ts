/**
 * `renderReport`: validated results → `{ file name: content }` (pure; the templates are read
 * once when the module loads). `index.html` is one self-contained file — inline CSS and SVG,
 * no script, a Content-Security-Policy that forbids any fetch — so it opens from disk or a CI
 * artifact store. `report.md` is for pull-request comments, `junit.xml` for CI test views.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { formatters } from './template-formatters.js';
import { reportJunit } from './report-junit.js';
import { buildModel, type ReportInput, type ReportModel } from './report-model.js';

/** reports/templates/, from the sources (tests) or from dist/reports/ (the built CLI). */
const TEMPLATE_DIR = [new URL('./templates/', import.meta.url), new URL('../../reports/templates/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((d) => existsSync(`${d}index.html.ejs`));
if (!TEMPLATE_DIR) throw new Error('kmsbench: reports/templates/ not found next to the report renderer');

const read = (name: string) => readFileSync(`${TEMPLATE_DIR}${name}`, 'utf8');

const compile = (name: string, escape?: (s: string) => string) =>
  ejs.compile(read(name), { strict: true, destructuredLocals: ['m', 'f', 'css', 'md', 'limits'], filename: `${TEMPLATE_DIR}${name}`, ...(escape ? { escape } : {}) });

const html = compile('index.html.ejs');
// Markdown is not HTML: text goes in as it is, through md() where it lands in a table cell.
const markdown = compile('report.md.ejs', (s: string) => String(s));
const CSS = read('style.css');

/** Text safe in a Markdown table cell and in a PR comment (no HTML, no pipes, one line). */
export const mdCell = (s: string): string =>
  String(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export interface ReportFiles {
  'index.html': string;
  'report.md': string;
  'junit.xml': string;
}

export const MARKDOWN_LIMITS = { cases: 40, failures: 25, divergences: 25 };

export function renderModel(model: ReportModel, input: ReportInput): ReportFiles {
  const locals = { m: model, f: formatters, css: CSS, md: mdCell, limits: MARKDOWN_LIMITS };
  return {
    'index.html': html(locals),
    'report.md': markdown(locals).replace(/\n{3,}/g, '\n\n'),
    'junit.xml': reportJunit(input, model),
  };
}

export function renderReport(input: ReportInput): ReportFiles {
  return renderModel(buildModel(input), input);
}
