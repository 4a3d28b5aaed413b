/**
 * The check results as a text report for a terminal: one line per co-op with
 * its status per check, then the city summary and any input problems. Colours
 * only when asked (a terminal); plain text when piped.
 */
import { formatValue } from '../core/format';
import { fill, message } from '../core/messages';
import { CHECK_IDS } from '../core/rule-data';
import type { CheckRun, Lang, Severity } from '../shared/types';

const COLOURS: Record<Severity, string> = { ok: '\x1b[32m', warn: '\x1b[33m', bad: '\x1b[31m' };
const RESET = '\x1b[0m';
const NAME_PREFIX = /^Koperasi Kelurahan Merah Putih /;

/** What the workbook changes in the rules and parameters, how many co-ops change status because of it, and each change. */
function rulesChangeLines(run: CheckRun, lang: Lang): string[] {
  const ui = (key: string): string => message('ui', key)[lang];
  const change = run.rulesChange;
  if (!change || change.notices.length === 0) return [`  ${ui('blockRulesInForce')}: ${ui('rulesBundledOnly')}`];
  return [
    `  ${ui('rulesDiffer')}:`,
    ...change.notices.map((n) => `    - ${n[lang]}`),
    `  ${fill(ui('statusChangesCount'), () => String(change.changedCount))}:`,
    ...change.changes.map((c) => `    - ${c.coopId} ${message('check', c.check)[lang]}: ${message('status', c.bundled)[lang]} → ${message('status', c.workbook)[lang]}`),
  ];
}

export function textReport(run: CheckRun, lang: Lang, colour: boolean): string {
  const ui = (key: string): string => message('ui', key)[lang];
  const paint = (text: string, severity: Severity): string => (colour ? `${COLOURS[severity]}${text}${RESET}` : text);
  const header = [ui('columnId'), ui('columnName'), ...CHECK_IDS.map((c) => message('check', c)[lang])];
  const rows = run.results.map((r) => [r.coopId, (r.name ?? '').replace(NAME_PREFIX, 'KKMP '), ...CHECK_IDS.map((c) => r.checks[c]!.label[lang])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[], severities?: Severity[]): string =>
    cells.map((cell, i) => {
      const padded = cell.padEnd(widths[i] as number);
      const severity = severities?.[i - 2];
      return severity ? paint(padded, severity) : padded;
    }).join('  ').trimEnd();

  const out: string[] = [fill(ui('reportTitle'), () => run.asOf), ''];
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  run.results.forEach((r, i) => out.push(line(rows[i] as string[], CHECK_IDS.map((c) => r.checks[c]!.severity))));

  const s = run.summary;
  out.push('', ui('summary'), `  ${ui('coopCount')}: ${s.coopCount}`);
  for (const check of CHECK_IDS) {
    const counts = Object.entries(s.statusCounts[check] ?? {}).map(([status, n]) => `${message('status', status)[lang]} ${n}`);
    out.push(`  ${message('check', check)[lang]}: ${counts.join(', ')}`);
  }
  const list = (ids: string[]): string => (ids.length ? ids.join(', ') : ui('none'));
  out.push(
    `  ${ui('ratIndicator')}: ${formatValue(s.ratIndicatorPercent, 'percent', lang)} (${s.ratHeldCount}/${s.coopCount})`,
    `  ${ui('coverage')}: ${s.coveredCount}/${s.coopCount}`,
    `  ${ui('mentorsOver')}: ${list(s.mentorsOverLoad)}`,
    `  ${ui('mentorsUnder')}: ${list(s.mentorsUnderLoad)}`,
    `  ${ui('mentorsNeeded')}: ${s.mentorsNeeded}`,
    `  ${ui('problems')}: ${run.problems.length === 0 ? ui('none') : ''}`,
    ...run.problems.map((p) => `    - ${p.text[lang]}`),
    `  ${ui('rulesVersion')}: ${run.rulesVersion}`,
    ...rulesChangeLines(run, lang),
  );
  return `${out.join('\n')}\n`;
}
