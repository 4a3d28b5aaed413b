/**
 * The one-page report as a self-contained printable HTML document (A4
 * portrait, no network: styles inline, charts as inline SVG). The command line
 * writes it; a browser's "print to PDF" gives the page the head of office
 * reads. Every text from the workbook is escaped.
 */
import type { Bilingual, Lang } from '../../shared/types';
import { dayFromIso, displayFromDay } from '../calendar';
import { overdueFollowUpsText } from '../deadlines';
import { formatNumber, formatValue } from '../format';
import { fill, fillBoth, message } from '../messages';
import { REPORT_CHANGE_LINES, registerChanges, trendText, type OnePageReport } from './one-page-report';
import { LEVEL_FILL, escapeXml, percentLineSvg, stackedBarSvg } from './svg-charts';

const DEADLINE_LINES = 7;

export function reportHtml(report: OnePageReport, lang: Lang = 'id'): string {
  const t = (key: string): string => message('history', key)[lang];
  const e = escapeXml;
  const date = (iso: string): string => displayFromDay(dayFromIso(iso) as number);
  const b = (text: Bilingual | null): string => (text ? e(text[lang]) : '');

  const checks = report.checks.map((c) => {
    const total = c.counts.reduce((s, x) => s + x.count, 0);
    const legend = c.counts.map((x) => `<span class="key"><i style="background:${LEVEL_FILL[x.level]}"></i>${e(x.label[lang])} <b>${x.count}</b></span>`).join(' ');
    return `<div class="check"><div class="check-title">${e(c.title[lang])} <span class="muted">(${total})</span></div>${stackedBarSvg(c.counts.map((x) => ({ count: x.count, level: x.level, label: x.label[lang] })), { width: 330, height: 14 })}<div class="legend">${legend}</div></div>`;
  }).join('');

  const ratTrend = trendText(report.rat.trend, lang);
  const coverageTrend = trendText(report.coverage.trend, lang);
  const kpi = (title: string, value: number, detail: string, trend: string | null, points: OnePageReport['rat']['trend'], colour: string): string =>
    `<div class="kpi"><div class="kpi-head"><span>${e(title)}</span><b style="color:${colour}">${e(formatNumber(value, lang, 1))}%</b></div>` +
    `${percentLineSvg(points, { width: 330, height: 62, colour, label: title, format: (v) => formatNumber(v, lang, 1) })}` +
    `<div class="small">${e(detail)}${trend ? `<br><span class="muted">${e(trend)}</span>` : ''}</div></div>`;
  const ratDetail = fill(t('reportRatDetail'), (n) => ({ held: String(report.rat.held), count: String(report.coopCount) })[n]);
  const none = t('reportNone');
  // The dots of each attention line, in the order of the checks: said once in words, as a printed page has no tooltips.
  const dotsKey = fill(t('reportDotsKey'), () => report.checks.map((c) => c.title[lang]).join(' · '));
  const nobody = message('ui', 'none')[lang];
  const coverageDetail = fill(t('reportCoverageDetail'), (n) => ({ covered: String(report.coverage.covered), count: String(report.coopCount), over: report.coverage.over.join(', ') || nobody, under: report.coverage.under.join(', ') || nobody, needed: String(report.coverage.needed) })[n]);

  const attention = report.attention.map((line, i) => {
    const dots = line.checks.map((c) => `<i class="dot" title="${e(message('check', c.check)[lang])}: ${e(c.label[lang])}" style="background:${c.level ? LEVEL_FILL[c.level] : '#dadce0'}"></i>`).join('');
    return `<tr><td class="num">${i + 1}</td><td class="id">${e(line.coopId)}</td><td>${e(shortName(line.name))}</td><td class="dots">${dots}</td><td class="reason">${b(line.reason)}</td></tr>`;
  }).join('');

  const ch = report.changes;
  const changeHead = ch.since
    ? `${e(fill(t('reportChanges'), () => date(ch.since as string)))}`
    : e(fill(t('reportChanges'), () => '–'));
  const changeCounts = ch.since ? fill(t('reportChangesCount'), (n) => ({ improved: String(ch.improved), worsened: String(ch.worsened), same: String(ch.unchanged) })[n]) : t('reportNoPrevious');
  const changed = ch.coops.filter((c) => c.kind === 'worsened' || c.kind === 'improved').sort((a, b2) => (a.kind === b2.kind ? a.coopId.localeCompare(b2.coopId) : a.kind === 'worsened' ? -1 : 1));
  const changeLines = changed.slice(0, REPORT_CHANGE_LINES).map((c) => `<li class="${c.kind}"><b>${e(c.coopId)}</b> ${e(shortName(c.name))}: ${b(c.text)}</li>`).join('');
  const moreChanges = (changed.length > REPORT_CHANGE_LINES ? `<li class="muted">${e(fill(t('reportMoreChanges'), () => String(changed.length - REPORT_CHANGE_LINES)))}</li>` : '')
    + registerChanges(ch).map((line) => `<li>${b(line)}</li>`).join('');

  const items = report.deadlines.items;
  // The overdue follow-ups take a line of the section: one deadline fewer, so the page stays one page.
  const shown = report.deadlines.overdueFollowUps.count > 0 ? DEADLINE_LINES - 1 : DEADLINE_LINES;
  const deadlineLines = items.slice(0, shown).map((d) => `<tr${d.soon ? ' class="soon"' : ''}><td class="date">${e(date(d.date))}</td><td class="id">${e(d.coopId ?? d.mentorId ?? '')}</td><td>${e(d.text[lang])}</td></tr>`).join('');
  const moreDeadlines = items.length > shown ? `<tr><td colspan="3" class="muted">${e(fill(t('reportMoreDeadlines'), () => String(items.length - shown)))}</td></tr>` : '';
  const overdue = overdueFollowUpsText(report.deadlines.overdueFollowUps);
  const overdueLine = overdue ? `<tr class="soon"><td colspan="3">${e(overdue[lang])}</td></tr>` : '';
  const deadlineBody = (items.length === 0 ? `<tr><td class="muted">${e(fill(t('deadlineNone'), () => String(report.deadlines.days)))}</td></tr>` : deadlineLines + moreDeadlines) + overdueLine;

  const parameters = report.parameters.map((p) => `<span class="param"><b>${e(p.key)}</b> = ${e(parameterValue(p.value, p.unit, lang))}</span>`).join(' · ');
  const asOfLine = fillBoth(message('history', 'reportAsOf'), (n) => ({ date: date(report.asOf), count: String(report.coopCount), time: report.checkedAt })[n])[lang];

  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${e(t('reportTitle'))} · ${e(date(report.asOf))}</title>
<style>
@page { size: A4 portrait; margin: 8mm 9mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 8.4pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #202124; }
h1 { font-size: 13pt; margin: 0; white-space: nowrap; } h2 { font-size: 9.6pt; margin: 0 0 3px; padding-bottom: 2px; border-bottom: 1.5px solid #b31412; text-transform: uppercase; letter-spacing: .02em; }
.head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #b31412; padding-bottom: 4px; margin-bottom: 6px; }
.muted { color: #5f6368; } .small { font-size: 7.6pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 14px; }
section { margin-bottom: 6px; break-inside: avoid; }
.check { margin-bottom: 2px; } .check-title { font-weight: bold; margin-bottom: 1px; }
.legend { font-size: 7.2pt; line-height: 1.2; } .key { white-space: nowrap; margin-right: 6px; } .key i, .dot { display: inline-block; width: 7px; height: 7px; border-radius: 2px; margin-right: 2px; vertical-align: baseline; }
.dot { width: 9px; height: 9px; border-radius: 50%; margin-right: 1px; }
.kpi { margin-bottom: 4px; } .kpi-head { display: flex; justify-content: space-between; font-weight: bold; } .kpi-head b { font-size: 13pt; }
table { width: 100%; border-collapse: collapse; } td { padding: 1px 3px; border-bottom: 0.5px solid #e0e0e0; vertical-align: top; }
td.num { text-align: right; width: 16px; color: #5f6368; } td.id { white-space: nowrap; font-weight: bold; } td.dots { white-space: nowrap; } td.date { white-space: nowrap; }
tr.soon td { background: #fef7e0; } tr.thead td { font-size: 7pt; color: #5f6368; border-bottom: 1px solid #b31412; }
ul { margin: 2px 0 0; padding-left: 12px; } li { margin-bottom: 1px; } li.worsened::marker { color: #d93025; } li.improved::marker { color: #34a853; }
.param { white-space: nowrap; } .attention td { font-size: 7.8pt; } .attention td.reason { width: 55%; } footer { font-size: 7pt; color: #5f6368; border-top: 0.5px solid #dadce0; padding-top: 3px; }
</style></head>
<body>
<div class="head"><div><h1>${e(t('reportTitle'))}</h1><div class="muted">${e(t('reportOffice'))} · ${e(asOfLine)}</div></div></div>
<div class="grid">
<section><h2>${e(t('reportChecks'))}</h2>${checks}</section>
<section><h2>${e(t('reportRatTrend'))} · ${e(t('reportCoverage'))}</h2>
${kpi(t('reportRatTrend'), report.rat.percent, ratDetail, ratTrend, report.rat.trend, '#1a73e8')}
${kpi(t('reportCoverage'), report.coverage.percent, coverageDetail, coverageTrend, report.coverage.trend, '#188038')}</section>
</div>
<section class="attention"><h2>${e(t('reportAttention'))}</h2><table><tr class="thead"><td></td><td>${e(message('ui', 'resultsColumnId')[lang])}</td><td>${e(message('ui', 'resultsColumnName')[lang])}</td><td>${e(t('reportDotsHead'))}</td><td>${e(t('reportReason'))}</td></tr>${attention || `<tr><td class="muted">${e(none)}</td></tr>`}</table><div class="small muted">${e(dotsKey)}</div></section>
<div class="grid">
<section class="small"><h2>${changeHead}</h2><div><b>${e(changeCounts)}</b></div><ul>${changeLines}${moreChanges}</ul></section>
<section class="small"><h2>${e(fill(t('reportDeadlines'), () => String(report.deadlines.days)))}</h2><table>${deadlineBody}</table></section>
</div>
<footer><b>${e(t('reportRules'))}:</b> ${e(fill(t('reportRulesVersion'), () => report.rulesVersion))} · ${parameters}<br>${e(t('reportFooter'))}</footer>
</body></html>
`;
}

/** "Koperasi Kelurahan Merah Putih Graha Indah" → "KKMP Graha Indah": the page is narrow. */
export function shortName(name: string | null): string {
  return (name ?? '').replace(/^Koperasi Kelurahan Merah Putih\b/i, 'KKMP');
}

function parameterValue(value: number, unit: string, lang: Lang): string {
  if (unit === 'rupiah') return formatValue(value, 'rupiah', lang);
  if (unit === 'percent') return formatValue(value, 'percent', lang);
  // A year is written as a year (1945), not as a quantity (1.945).
  const number = unit === 'year' ? String(value) : formatNumber(value, lang, 2);
  const units = message('word', `unit.${unit}`)[lang];
  return units.includes('{') ? fill(units, () => number) : `${number} ${units}`;
}

