/**
 * The mentors' reports as files on this machine: an .xlsx with one sheet per
 * report (headings bold, long texts wrapped, laid out for A4) or one printable
 * HTML page (A4, each report on its own page, tables, lines to write the
 * summary on, signature blocks). Both render the same grids as the add-on's
 * sheets (src/core/mentoring/report-grids.ts). Every text goes into HTML
 * escaped.
 */
import ExcelJS from 'exceljs';
import type { ReportGrid } from '../core/mentoring/report-grids';
import type { Lang } from '../shared/types';

export interface NamedReport {
  /** Sheet name (at most 31 characters in .xlsx). */
  name: string;
  grid: ReportGrid;
}

const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

export function reportWorkbook(reports: readonly NamedReport[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pantau KKMP';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  for (const report of reports) {
    const sheet = workbook.addWorksheet(report.name.slice(0, 31), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    report.grid.rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 1);
      const style = report.grid.styles[r];
      cells.forEach((value, c) => {
        if (value === '') return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (style === 'title') cell.font = { bold: true, size: 14 };
        else if (style === 'section' || style === 'header' || style === 'signature') cell.font = { bold: true };
        else if (style === 'note') cell.font = { italic: true };
        if (style === 'body' && typeof value === 'string' && value.length > 30) cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (style === 'writeIn') row.getCell(1).border = { bottom: { style: 'dotted' } };
    });
    sheet.getColumn(1).width = 26;
    for (let c = 2; c <= 9; c += 1) sheet.getColumn(c).width = 22;
  }
  return workbook;
}

function escape(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

function gridHtml(grid: ReportGrid): string {
  const out: string[] = [];
  let table: 'data' | 'sign' | null = null;
  const close = (): void => {
    if (table) out.push('</tbody></table>');
    table = null;
  };
  grid.rows.forEach((cells, r) => {
    const style = grid.styles[r];
    const first = cells[0] ?? '';
    if (style === 'title') {
      close();
      out.push(`<h1>${escape(first)}</h1>`);
    } else if (style === 'section') {
      close();
      out.push(`<h2>${escape(first)}</h2>`);
    } else if (style === 'note') {
      if (table !== 'data') out.push(`<p class="note">${escape(first)}</p>`);
      else out.push(`<tr><td class="note" colspan="12">${escape(first)}</td></tr>`);
    } else if (style === 'header') {
      if (table !== 'data') {
        close();
        out.push('<table class="data"><tbody>');
        table = 'data';
      }
      out.push(`<tr>${cells.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`);
    } else if (style === 'blank') {
      close();
    } else if (style === 'writeIn') {
      close();
      out.push('<div class="write-in"></div>');
    } else if (style === 'signature' || (style === 'body' && first === '' && table !== 'data')) {
      if (table !== 'sign') {
        close();
        out.push('<table class="sign"><tbody>');
        table = 'sign';
      }
      const text = cells.filter((c) => c !== '');
      out.push(`<tr class="${style === 'signature' ? 'sig' : ''}"><td>${escape(style === 'signature' ? (text[0] ?? '') : '')}</td><td>${escape(text[text.length - 1] ?? '')}</td></tr>`);
    } else if (table === 'data') {
      out.push(`<tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
    } else {
      out.push(`<p class="field"><b>${escape(first)}</b> ${cells.slice(1).map(escape).join(' ')}</p>`);
    }
  });
  close();
  return out.join('\n');
}

/** One printable page per report. */
export function reportHtml(title: string, reports: readonly NamedReport[], lang: Lang): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
  @page { size: A4 landscape; margin: 15mm; }
  body { font-family: "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt; color: #202124; }
  section.report { page-break-after: always; }
  section.report:last-child { page-break-after: auto; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 12px; }
  h2 { font-size: 12pt; margin: 16px 0 6px; }
  p.field { margin: 2px 0; }
  p.note, td.note { font-style: italic; color: #5f6368; }
  table.data { border-collapse: collapse; width: 100%; }
  table.data th, table.data td { border: 1px solid #9aa0a6; padding: 3px 6px; text-align: left; vertical-align: top; }
  table.data th { background: #f1f3f4; }
  div.write-in { border-bottom: 1px dotted #5f6368; height: 22px; }
  table.sign { width: 100%; margin-top: 18px; }
  table.sign td { width: 50%; text-align: center; padding: 2px; }
  table.sign tr.sig td { font-weight: bold; padding-bottom: 48px; }
  table.sign tr.sig:last-child td { padding-bottom: 2px; }
</style>
</head>
<body>
${reports.map((r) => `<section class="report" data-sheet="${escape(r.name)}">\n${gridHtml(r.grid)}\n</section>`).join('\n')}
</body>
</html>
`;
}
