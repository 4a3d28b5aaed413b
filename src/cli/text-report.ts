/**
 * The check results as a text report for a terminal or a printout: a title
 * with the check date as officers write it (`24 November 2026`), a key to
 * the colours and words, one line per co-op with its statuses and — unless
 * asked not to — its reasons and next steps beneath, then the city summary
 * and any input problems. Colours only when asked (a terminal); plain text
 * when piped. Ends with what the workbook changes in the rules and
 * parameters, and which co-ops change status because of it.
 */
import { statusKey, statusLabel } from '../core/status-label';
import { formatValue } from '../core/format';
import { dayFromIso } from '../core/calendar';
import { fill, message } from '../core/messages';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../core/rule-data';
import { RAT_HELD } from '../core/city-summary';
import type { CheckId, CheckResult, CheckRun, Lang, Severity } from '../shared/types';

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
  return statusLabel(result.status, result.severity)[lang];
}

/**
 * Co-ops per status of one check, in the check's order of statuses, a status
 * with words per colour counted once per colour (as the sidebar and the
 * one-page report count them: one word per colour).
 */
function countsOf(run: CheckRun, check: CheckId, lang: Lang): string[] {
  const counts = new Map<string, { label: string; n: number }>();
  for (const r of run.results) {
    const result = r.checks[check];
    if (!result) continue;
    const key = statusKey(result.status, result.severity);
    const entry = counts.get(key) ?? { label: statusWords(result, lang), n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  const order = (STATUSES_BY_CHECK as Record<string, readonly string[]>)[check] ?? [];
  const levels = ['ok', 'warn', 'bad'];
  const rank = (key: string): number => order.indexOf(key.split('.')[0] as string) * 3 + Math.max(0, levels.indexOf(key.split('.')[1] ?? ''));
  return Array.from(counts.entries()).sort(([a], [b]) => rank(a) - rank(b)).map(([, c]) => `${c.label} ${c.n}`);
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
    out.push(`  ${message('check', check)[lang]}: ${countsOf(run, check, lang).join('; ')}`);
  }
  const list = (ids: string[]): string => (ids.length ? ids.join(', ') : ui('none'));
  out.push(
    `  ${ui('ratIndicator')}: ${formatValue(s.ratIndicatorPercent, 'percent', lang)} (${s.ratHeldCount}/${s.coopCount}${ratHeldParts(s, lang)})`,
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

/**
 * Which statuses the RAT indicator counts, with their numbers (e.g. `: SELESAI
 * 23 + LAPORAN BELUM 3`), so 26/41 beside "SELESAI 23" is not read as an error.
 */
function ratHeldParts(s: CheckRun['summary'], lang: Lang): string {
  const parts = Array.from(RAT_HELD).map((status) => ({ status, n: s.statusCounts.rat?.[status] ?? 0 })).filter((p) => p.n > 0);
  if (parts.length === 0) return '';
  return `: ${parts.map((p) => `${message('status', p.status)[lang]} ${p.n}`).join(' + ')}`;
}
