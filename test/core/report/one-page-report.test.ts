/**
 * The one-page report model on the sample and its year of history: counts
 * per check equal the check's, trends start at the first recorded check, the
 * attention list is worst first with a reason, changes are against the
 * previous check day, the coming month's deadlines, the parameters in force;
 * and the HTML escapes whatever the workbook holds.
 */
import { sampleHistory } from '../../../examples/balikpapan-history';
import { sampleVisits } from '../../../examples/visits-data';
import { balikpapanSample } from '../../../examples/balikpapan-data';
import { runChecks } from '../../../src/core/check-run';
import { deadlines } from '../../../src/core/deadlines';
import { checkedFromResult } from '../../../src/core/history/checked-coop';
import { historyBlocks } from '../../../src/core/history/history-row';
import { PARAMETERS } from '../../../src/core/rule-data';
import { onePageReport, REPORT_ATTENTION_COUNT } from '../../../src/core/report/one-page-report';
import { reportHtml } from '../../../src/core/report/report-html';
import { reportGrid } from '../../../src/core/report/report-sheet';

const HISTORY = historyBlocks(sampleHistory());

function reportOn(asOf: string, edit: (input: ReturnType<typeof balikpapanSample>) => void = () => undefined) {
  const input = { ...balikpapanSample(), asOf };
  edit(input);
  const run = runChecks(input);
  const current = run.results.map((r) => checkedFromResult(r, asOf, '24/11/2026 09:00', run.rulesVersion));
  const calendar = deadlines(input, { visits: sampleVisits() });
  return onePageReport({ current, summary: run.summary, checkedAt: '24/11/2026 09:00', rulesVersion: run.rulesVersion, parameters: run.parameters, history: HISTORY, deadlines: calendar.deadlines, overdueFollowUps: calendar.overdueFollowUps });
}

describe('one-page report', () => {
  const report = reportOn('2026-11-24');
  const run = runChecks(balikpapanSample());

  test('counts, RAT indicator and coverage equal the check; trends run from the first recorded check', () => {
    for (const check of report.checks) {
      const byStatus = new Map<string, number>();
      for (const count of check.counts) byStatus.set(count.status, (byStatus.get(count.status) ?? 0) + count.count);
      for (const [status, n] of byStatus) expect(n).toBe(run.summary.statusCounts[check.check]![status as never] ?? 0);
    }
    // One meaning per colour: a legal entity with every paper (green) and one with papers missing (amber) are counted apart, as on the sidebar.
    const legal = report.checks.find((c) => c.check === 'legal')!.counts.filter((c) => c.status === 'BERBADAN_HUKUM');
    const levels = (level: string) => run.results.filter((r) => r.checks.legal.status === 'BERBADAN_HUKUM' && r.checks.legal.severity === level).length;
    expect(legal.map((c) => [c.label.id, c.level, c.count])).toEqual([
      ['BERBADAN HUKUM, lengkap', 'ok', levels('ok')],
      ['BERBADAN HUKUM, dokumen lanjutan belum lengkap', 'warn', levels('warn')],
    ]);
    expect(levels('ok')).toBeGreaterThan(0);
    expect(levels('warn')).toBeGreaterThan(0);
    expect(report.rat.percent).toBe(run.summary.ratIndicatorPercent);
    expect(report.rat.trend[0]!.date).toBe('2025-11-25');
    expect(report.rat.trend[report.rat.trend.length - 1]).toEqual({ date: '2026-11-24', value: run.summary.ratIndicatorPercent });
    expect(report.rat.trend).toHaveLength(27);
    expect(report.coverage.covered).toBe(run.summary.coveredCount);
  });

  test('the 10 co-ops needing attention most, worst first, each with its one-line reason', () => {
    expect(report.attention).toHaveLength(REPORT_ATTENTION_COUNT);
    const weights = report.attention.map((a) => a.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(report.attention[0]).toMatchObject({ coopId: 'KOP-BPP-052', weight: 30 });
    expect(report.attention[0]!.reason!.id).toBe('Legalitas: Akta pendirian belum tercatat (Nomor/Tanggal Akta kosong).');
  });

  test('changes are against the previous check day; deadlines of the coming month; parameters in force', () => {
    expect(report.changes.since).toBe('2026-11-10');
    expect([report.changes.improved, report.changes.worsened]).toEqual([3, 0]);
    expect(report.changes.coops.find((c) => c.coopId === 'KKMP-BPP-29')!.text.id).toBe('↑ Legalitas: BERBADAN HUKUM (kuning → hijau)');
    const calendar = deadlines({ ...balikpapanSample(), asOf: '2026-11-24' }, { visits: sampleVisits() }).deadlines;
    const month = calendar.filter((d) => d.daysLeft <= 31);
    expect(report.deadlines.items).toEqual(month.length > 0 ? month : calendar.slice(0, 8));
    expect(report.deadlines.items.length).toBeGreaterThan(0);
    expect(report.parameters.map((p) => p.key)).toEqual(Object.keys(PARAMETERS.parameters));
  });

  test('a co-op that worsened since the last check is listed with its reason', () => {
    const worse = reportOn('2026-11-24', (input) => {
      input.coops.find((c) => c.id === 'KKMP-BPP-08')!.mentorId = null;
    });
    expect(worse.changes.worsened).toBe(1);
    expect(worse.changes.coops.find((c) => c.coopId === 'KKMP-BPP-08')!.text.id).toBe('↓ Pendampingan: TERDAMPINGI → TANPA PENDAMPING (Belum ada pendamping (kolom Pendamping kosong).)');
  });

  test('text from the workbook is escaped in the HTML and kept as typed in the sheet grid', () => {
    const evil = reportOn('2026-11-24', (input) => {
      input.coops.find((c) => c.id === 'KOP-BPP-052')!.name = '<img src=x onerror=alert(1)>';
    });
    const html = reportHtml(evil);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(reportGrid(evil).values.flat()).toContain('<img src=x onerror=alert(1)>');
  });

  test('a head of office can read every line: the status dots have a key, years are written as years, no "RAT: RAT"', () => {
    const html = reportHtml(report).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(html).toContain('Titik status, berurutan: Legalitas · RAT · Pendampingan · Simpan pinjam · Pembiayaan bank; hijau = baik, kuning = perlu perhatian, merah = bermasalah.');
    expect(html).not.toMatch(/\bL R P S P\b/);
    expect(html).toContain('plausibleFromYear = tahun 1945');
    expect(html).not.toContain('1.945');
    expect(html).not.toContain('RAT: RAT');
    const line = report.attention.find((a) => a.coopId === 'KKMP-BPP-27')!;
    expect(line.reason!.id).toBe('RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah lewat 147 hari.');
    expect(reportHtml(report, 'en').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('plausibleFromYear = year 1945');
  });

  test('open visit follow-ups already past their date are said on the page, with the oldest date', () => {
    const calendar = deadlines({ ...balikpapanSample(), asOf: '2026-11-24' }, { visits: sampleVisits() });
    expect(calendar.overdueFollowUps.count).toBeGreaterThan(0);
    expect(report.deadlines.overdueFollowUps).toEqual(calendar.overdueFollowUps);
    const [y, m, d] = calendar.overdueFollowUps.oldest!.split('-');
    const line = `Lewat tenggat: ${calendar.overdueFollowUps.count} tindak lanjut kunjungan belum selesai (tertua ${d}/${m}/${y}; lihat daftar tugas pendamping).`;
    expect(reportHtml(report).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(line);
    expect(reportGrid(report).values.map((row) => row[0])).toContain(line);
  });

  test('co-ops new in the register, and those no longer in it, are named under the changes', () => {
    const moved = reportOn('2026-11-24', (input) => {
      input.coops = input.coops.filter((c) => c.id !== 'KKMP-BPP-12');
      input.coops.find((c) => c.id === 'KKMP-BPP-13')!.id = 'KKMP-BPP-13A';
    });
    expect(moved.changes.removed).toEqual(['KKMP-BPP-12', 'KKMP-BPP-13']);
    const text = reportHtml(moved).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Baru di register: KKMP-BPP-13A.');
    expect(text).toContain('Tidak ada lagi di register: KKMP-BPP-12, KKMP-BPP-13.');
    expect(reportGrid(moved).values.map((row) => row[0])).toEqual(expect.arrayContaining(['Baru di register: KKMP-BPP-13A.', 'Tidak ada lagi di register: KKMP-BPP-12, KKMP-BPP-13.']));
  });
});

