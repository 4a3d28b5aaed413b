/**
 * The check results as a text report for a terminal or a printout: a title
 * with the check date as officers write it (`24 November 2026`), a key to
 * the colours and words, one line per co-op with its statuses and — unless
 * asked not to — its reasons and next steps beneath, then the city summary
 * and any input problems. Colours only when asked (a terminal); plain text
 * when piped. Ends with what the workbook changes in the rules and
 * parameters, and which co-ops change status because of it.
 */
import { formatValue } from '../core/format';
import { dayFromIso } from '../core/calendar';
import { fill, hasMessage, message } from '../core/messages';
import { CHECK_IDS } from '../core/rule-data';
import type { CheckResult, CheckRun, Lang, Severity } from '../shared/types';

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

export interface ReportOptions {
  /** Reasons and next steps under each co-op (default true). */
  reasons?: boolean;
}

/** `2026-12-01` as an officer writes it: `1 Desember 2026` (or `1 December 2026`). */
export function longDate(iso: string, lang: Lang): string {
  if (dayFromIso(iso) === null) return iso;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return fill(message('word', 'longDate')[lang], (name) => ({ day: String(day), month: message('word', `month${month}`)[lang], year: String(year) })[name]);
}

/** A status's words, told apart by severity where the rules give it two (e.g. a legal entity with papers missing). */
function statusWords(result: CheckResult, lang: Lang): string {
  const variant = `${result.status}.${result.severity}`;
  return (hasMessage('statusVariant', variant) ? message('statusVariant', variant) : result.label)[lang];
}

export function textReport(run: CheckRun, lang: Lang, colour: boolean, options: ReportOptions = {}): string {
  const showReasons = options.reasons !== false;
  const ui = (key: string): string => message('ui', key)[lang];
  const paint = (text: string, severity: Severity): string => (colour ? `${COLOURS[severity]}${text}${RESET}` : text);
  const checks = CHECK_IDS.filter((c) => !run.results[0] || c in run.results[0].checks);
  const header = [ui('columnId'), ui('columnName'), ...checks.map((c) => message('check', c)[lang])];
  const rows = run.results.map((r) => [r.coopId, (r.name ?? '').replace(NAME_PREFIX, 'KKMP '), ...checks.map((c) => r.checks[c]!.label[lang])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[], severities?: Severity[]): string =>
    cells.map((cell, i) => {
      const padded = cell.padEnd(widths[i] as number);
      const severity = severities?.[i - 2];
      return severity ? paint(padded, severity) : padded;
    }).join('  ').trimEnd();

  const out: string[] = [fill(ui('reportTitle'), () => longDate(run.asOf, lang)), '', ui('reportLegend'), ''];
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  run.results.forEach((r, i) => {
    out.push(line(rows[i] as string[], checks.map((c) => r.checks[c]!.severity)));
    if (!showReasons) return;
    for (const check of checks) {
      const result = r.checks[check];
      if (!result) continue;
      if (result.severity === 'ok' && result.reasons.length === 0) continue;
      out.push(`    ${message('check', check)[lang]}: ${paint(statusWords(result, lang), result.severity)}`);
      for (const reason of result.reasons) {
        out.push(`      - ${reason.text[lang]}`);
        if (reason.next) out.push(`        ${ui('reportStep')}: ${reason.next[lang]}`);
      }
    }
  });

  const s = run.summary;
  out.push('', ui('summary'), `  ${ui('coopCount')}: ${s.coopCount}`);
  for (const check of checks) {
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
    `  ${ui('rulesCode')}: ${run.rulesVersion}`,
    ...rulesChangeLines(run, lang),
  );
  return `${out.join('\n')}\n`;
}
