/**
 * History through the built bundle in the Apps Script sandbox: three
 * "Periksa semua" on three dates with edits in between give three blocks in
 * `Riwayat`, the right ↑/↓ per co-op in `Hasil Pemeriksaan` (compared with the
 * core run on the same data), the trend table and native charts of `Grafik`,
 * and the report `Laporan`. Earlier rows are never rewritten; a check-all
 * that fails writes no history; a repeated click on the same day adds nothing.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { runChecks } from '../../src/core/check-run';
import { checkedFromResult } from '../../src/core/history/checked-coop';
import { historyBlocks, historyHeader, historyRow, readHistory, type HistoryBlock } from '../../src/core/history/history-row';
import { checkOn } from '../../src/core/history/past-statuses';
import { changesSince } from '../../src/core/history/status-change';
import { MEETING_COLUMNS, REGISTER_COLUMNS, headerText } from '../../src/core/workbook/columns';
import { resultsHeader } from '../../src/core/workbook/results-grid';
import { CHECK_IDS } from '../../src/core/rule-data';
import type { CheckAllOutcome, SidebarData, SidebarHistory } from '../../src/shared/sidebar-api';
import { deadlines } from '../../src/core/deadlines';
import type { CheckInput } from '../../src/shared/types';
import { loadBundle } from '../support/apps-script-sandbox';
import type { FakeSheet, FakeSpreadsheet } from '../support/fakes/spreadsheet-app';
import { tableRows, workbookFrom } from '../support/workbook-fixture';
import { XLSX_CELL_CONTEXT } from '../../src/cli/xlsx-workbook';
import { checkInputFrom, readWorkbook } from '../../src/core/workbook/workbook-reader';
import { readSheets } from '../../src/sheets/spreadsheet-reader';
import { syntheticInput } from '../../examples/synthetic-data';

/** 14:00 in Balikpapan (UTC+8) on a date. */
const at = (iso: string): number => Date.parse(`${iso}T06:00:00Z`);
const DATES = ['2026-06-20', '2026-07-05', '2026-07-19'] as const;
const CHANGE = resultsHeader().length - 1;

function column(sheet: FakeSheet, label: string): number {
  return (sheet.dump()[0] as string[]).findIndex((cell) => cell === label) + 1;
}
function registerRow(sheet: FakeSheet, id: string): number {
  return sheet.dump().findIndex((row) => row[0] === id) + 1;
}

/** The edits staff make between the checks, applied both to the sandbox workbook and to the core's input. */
const EDITS: Array<(spreadsheet: FakeSpreadsheet, input: CheckInput) => void> = [
  (spreadsheet, input) => {
    // KKMP-BPP-07 loses its mentor; KKMP-BPP-31 (uncovered) gets PD-03, who then carries 5.
    const register = spreadsheet.getSheetByName('Koperasi')!;
    const mentorColumn = column(register, headerText(REGISTER_COLUMNS.find((c) => c.field === 'mentorId')!));
    register.setCell(registerRow(register, 'KKMP-BPP-07'), mentorColumn, '');
    register.setCell(registerRow(register, 'KKMP-BPP-31'), mentorColumn, 'PD-03');
    input.coops.find((c) => c.id === 'KKMP-BPP-07')!.mentorId = null;
    input.coops.find((c) => c.id === 'KKMP-BPP-31')!.mentorId = 'PD-03';
  },
  (spreadsheet, input) => {
    // KKMP-BPP-03 holds its RAT (quorate, report not yet in).
    const meeting = { coopId: 'KKMP-BPP-03', bookYear: 2025, heldOn: '2026-07-12', membersPresent: 15, members: 18, reportedOn: null };
    const rat = spreadsheet.getSheetByName('RAT')!;
    rat.seed(tableRows(MEETING_COLUMNS, [meeting]).slice(1), rat.getLastRow() + 1);
    input.meetings.push(meeting);
  },
];

/** The check input as the add-on reads the workbook on a check date (issue 14: a date after the check date is not plausible input). */
function asAddOnReads(spreadsheet: FakeSpreadsheet, date: string): CheckInput {
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const dateToIso = (d: Date): string | null => (Number.isNaN(d.getTime()) ? null : new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d));
  return checkInputFrom(readWorkbook(readSheets(spreadsheet as never), { asOf: date, locale: spreadsheet.getSpreadsheetLocale(), dateToIso }), date);
}

function threeChecks() {
  const input = balikpapanSample();
  const spreadsheet = workbookFrom(input);
  let now = at(DATES[0]);
  const sandbox = loadBundle({ spreadsheet, clock: () => now });
  const outcomes: CheckAllOutcome[] = [];
  const changeColumns: string[][] = [];
  const historySnapshots: unknown[][][] = [];
  const expected: Array<ReturnType<typeof changesSince>> = [];
  const blocks: HistoryBlock[] = [];
  const cores: Array<ReturnType<typeof runChecks>> = [];
  DATES.forEach((date, i) => {
    if (i > 0) EDITS[i - 1]!(spreadsheet, input);
    now = at(date);
    outcomes.push(sandbox.run('runCheckAll') as CheckAllOutcome);
    changeColumns.push(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().slice(1, 1 + input.coops.length).map((row) => String(row[CHANGE])));
    historySnapshots.push(spreadsheet.getSheetByName('Riwayat')!.dump());
    // The core's view of the same check: results, and changes against the block before.
    const run = runChecks(asAddOnReads(spreadsheet, date));
    cores.push(run);
    const checkedAt = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} 14:00`;
    const current = run.results.map((r) => checkedFromResult(r, date, checkedAt, run.rulesVersion));
    expected.push(changesSince(blocks[blocks.length - 1], current));
    blocks.push({ checkedOn: date, checkedAt, rulesVersion: run.rulesVersion, entries: current.map((c) => c.entry) });
  });
  return { sandbox, spreadsheet, input, outcomes, changeColumns, historySnapshots, expected, cores };
}

describe('history of check-alls', () => {
  const run = threeChecks();
  const coopCount = balikpapanSample().coops.length;

  test('three check-alls on three dates give three blocks of one row per co-op', () => {
    const rows = run.spreadsheet.getSheetByName('Riwayat')!.dump();
    expect(rows[0]).toEqual(historyHeader());
    expect(rows).toHaveLength(1 + 3 * coopCount);
    const read = readHistory(rows, XLSX_CELL_CONTEXT, 'Riwayat');
    expect(read.problems).toEqual([]);
    const blocks = historyBlocks(read.entries);
    expect(blocks.map((b) => [b.checkedOn, b.checkedAt, b.entries.length])).toEqual(DATES.map((d) => [d, `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} 14:00`, coopCount]));
    // Each block holds exactly the statuses and levels the core gives on its date.
    run.expected.forEach((_, i) => {
      const core = run.cores[i]!;
      expect(blocks[i]!.entries.map((e) => [e.coopId, e.statuses, e.levels, e.score])).toEqual(
        core.results.map((r) => [r.coopId, Object.fromEntries(CHECK_IDS.map((c) => [c, r.checks[c]!.status])), Object.fromEntries(CHECK_IDS.map((c) => [c, r.checks[c]!.severity])), `${r.checks.savingsLoans.itemsMet}/${r.checks.savingsLoans.itemsTotal}`]),
      );
    });
    // Riwayat is exactly as wide as its header: every cell of a sheet counts against Sheets' limit.
    expect(run.spreadsheet.getSheetByName('Riwayat')!.getMaxColumns()).toBe(historyHeader().length);
  });

  test('earlier rows are never rewritten: each check only adds rows below', () => {
    const [first, second, third] = run.historySnapshots as [unknown[][], unknown[][], unknown[][]];
    expect(second.slice(0, first.length)).toEqual(first);
    expect(third.slice(0, second.length)).toEqual(second);
    expect(third.length - second.length).toBe(coopCount);
  });

  test('Hasil Pemeriksaan shows the change since the previous check, with the reason for a worse status', () => {
    expect([...new Set(run.changeColumns[0])]).toEqual(['pemeriksaan pertama']);
    run.changeColumns.slice(1).forEach((texts, i) => expect(texts).toEqual(run.expected[i + 1]!.coops.map((c) => c.text.id)));
    const second = new Map(run.expected[1]!.coops.map((c, i) => [c.coopId, run.changeColumns[1]![i]]));
    expect(second.get('KKMP-BPP-07')).toMatch(/; ↓ Pendampingan: TERDAMPINGI → TANPA PENDAMPING \(Belum ada pendamping .+\)$/);
    expect(second.get('KKMP-BPP-31')).toBe('↑ Pendampingan: TANPA PENDAMPING → TERDAMPINGI');
    // 30 June passed between the first and second check: co-ops without a RAT went from amber to red, with the reason.
    expect(second.get('KKMP-BPP-34')).toMatch(/^↓ RAT: BELUM JATUH TEMPO → TERLAMBAT \(.+\)/);
    const third = new Map(run.expected[2]!.coops.map((c, i) => [c.coopId, run.changeColumns[2]![i]]));
    expect(third.get('KKMP-BPP-03')).toBe('↑ RAT: TERLAMBAT → LAPORAN BELUM');
    expect(third.get('KKMP-BPP-01')).toBe('= tidak berubah');
  });

  test('the outcome counts improved and worsened co-ops as the core does', () => {
    run.outcomes.slice(1).forEach((outcome, i) => {
      const expected = run.expected[i + 1]!;
      expect(outcome.history).toEqual({ appended: coopCount, since: DATES[i], improved: expected.improved, worsened: expected.worsened, unchanged: expected.unchanged, problems: [] });
    });
    expect(run.expected[1]!.worsened).toBeGreaterThan(1);
    expect(run.expected[2]!.improved).toBeGreaterThanOrEqual(1);
  });

  test('Grafik holds the trend series and native charts built on it', () => {
    const sheet = run.spreadsheet.getSheetByName('Grafik')!;
    const table = sheet.dump().map((row) => row.slice(15));
    expect(table[0]!.slice(0, 6)).toEqual(['Tanggal', 'Jumlah koperasi', 'Indikator RAT (%)', 'Cakupan pendamping (%)', 'Membaik', 'Memburuk']);
    expect(table.slice(1, 4).map((row) => row[0])).toEqual(['20/06/2026', '05/07/2026', '19/07/2026']);
    DATES.forEach((_, i) => {
      const summary = run.cores[i]!.summary;
      expect(table[i + 1]!.slice(1, 4)).toEqual([summary.coopCount, summary.ratIndicatorPercent, Math.round((summary.coveredCount / summary.coopCount) * 1000) / 10]);
      const counts = CHECK_IDS.flatMap((check) => Object.keys(summary.statusCounts[check] ?? {}).length === 0 ? [] : [summary.statusCounts[check]]);
      expect(counts.length).toBe(CHECK_IDS.length);
    });
    expect(table[2]!.slice(4, 6)).toEqual([run.expected[1]!.improved, run.expected[1]!.worsened]);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(2 + CHECK_IDS.length);
    expect(charts.map((c) => c.getType())).toEqual(['LINE', 'COLUMN', ...CHECK_IDS.map(() => 'COLUMN')]);
    expect(charts[0]!.getOptions().get('title')).toBe('Indikator RAT dan cakupan pendamping (%)');
    // Each chart reads the table: the date column and its series, header plus one row per check-all.
    for (const chart of charts) {
      const ranges = chart.getRanges();
      expect(ranges[0]!.getA1Notation()).toBe('P1:P4');
      expect(ranges.every((r) => r.getSheet() === sheet && r.getNumRows() === 4)).toBe(true);
    }
    expect(charts.slice(2).every((c) => c.getOptions().get('isStacked') === true)).toBe(true);
  });

  test('Laporan holds the one-page report', () => {
    const rows = run.spreadsheet.getSheetByName('Laporan')!.dump();
    expect(rows[0]![0]).toBe('Laporan Pemantauan Koperasi Kelurahan Merah Putih');
    const text = rows.map((row) => row.join(' ')).join('\n');
    expect(text).toContain('Perubahan sejak laporan 05/07/2026'.toUpperCase());
    expect(text).toContain('10 KOPERASI YANG PALING PERLU PERHATIAN');
    expect(text).toContain('historyMaxCells');
  });

  test('the sidebar gets the changes since the previous check day, the trend and the deadlines (client-safe), after its first screen', () => {
    const first = run.sandbox.run('getSidebarData') as SidebarData;
    expect('history' in first).toBe(false);
    const history = run.sandbox.run('getSidebarHistory') as SidebarHistory;
    const expected = run.expected[2]!;
    expect(history.since).toBe(DATES[1]);
    expect([history.improved, history.worsened]).toEqual([expected.improved, expected.worsened]);
    const moved = expected.coops.filter((c) => c.kind === 'improved' || c.kind === 'worsened');
    expect(history.changes.length + history.moreChanges).toBe(moved.length);
    // Worse first, then better, each by ID.
    const order = [...moved].sort((a, b) => (a.kind === b.kind ? a.coopId.localeCompare(b.coopId) : a.kind === 'worsened' ? -1 : 1));
    expect(history.changes.map((c) => c.coopId)).toEqual(order.slice(0, history.changes.length).map((c) => c.coopId));
    // A worse change carries its reason, as Hasil Pemeriksaan shows it.
    for (const change of history.changes.filter((c) => c.kind === 'worsened')) {
      expect(change.text.id).toBe(moved.find((c) => c.coopId === change.coopId)!.text.id);
    }
    expect(history.trend.map((p) => p.checkedOn)).toEqual([...DATES]);
    expect(history.trend[2]!.levelCounts.rat).toEqual({ ok: 0, warn: 0, bad: 0, ...Object.fromEntries(Object.entries(run.cores[2]!.results.reduce((acc, r) => ({ ...acc, [r.checks.rat.severity]: (acc[r.checks.rat.severity] ?? 0) + 1 }), {} as Record<string, number>))) });
    expect(history.deadlines).toEqual(deadlines(asAddOnReads(run.spreadsheet, DATES[2])).deadlines);
  });

  test('statuses on a past date are read back from Riwayat', () => {
    const rows = run.spreadsheet.getSheetByName('Riwayat')!.dump();
    const { entries } = readHistory(rows, XLSX_CELL_CONTEXT, 'Riwayat');
    expect(checkOn(entries, '2026-07-10')?.checkedOn).toBe('2026-07-05');
    expect(checkOn(entries, '2026-06-19')).toBeNull();
    expect(checkOn(entries, '2026-07-10')!.entries.find((e) => e.coopId === 'KKMP-BPP-07')!.statuses.mentor).toBe('TANPA_PENDAMPING');
    expect(checkOn(entries, '2026-06-30')!.entries.find((e) => e.coopId === 'KKMP-BPP-07')!.statuses.mentor).toBe('TERDAMPINGI');
  });
});

describe('history is written only by a completed check-all', () => {
  test('a check-all that fails writes no history, and the earlier history stays as it was', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    let now = at('2026-07-05');
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    sandbox.run('runCheckAll');
    const before = ['Riwayat', 'Grafik', 'Laporan'].map((name) => spreadsheet.getSheetByName(name)!.snapshot());
    now = at('2026-07-19');
    spreadsheet.getSheetByName('Hasil Pemeriksaan')!.protected = true;
    expect(() => sandbox.run('runCheckAll')).toThrow(/Hasil Pemeriksaan/);
    expect(['Riwayat', 'Grafik', 'Laporan'].map((name) => spreadsheet.getSheetByName(name)!.snapshot())).toEqual(before);
  });

  test('a read failure before any write creates no history at all', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    const sandbox = loadBundle({ spreadsheet, now: new Date(at('2026-07-05')) });
    sandbox.spreadsheetApp.failNext = { method: 'getValues', message: 'Service Spreadsheets failed while accessing document' };
    expect(() => sandbox.run('runCheckAll')).toThrow(/Service Spreadsheets failed/);
    expect(['Riwayat', 'Grafik', 'Laporan', 'Hasil Pemeriksaan'].map((name) => spreadsheet.getSheetByName(name))).toEqual([null, null, null, null]);
  });

  test('when Riwayat cannot be read, nothing is appended (its end is unknown) and the results still stand', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    let now = at('2026-07-05');
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    sandbox.run('runCheckAll');
    const riwayat = spreadsheet.getSheetByName('Riwayat')!;
    const before = riwayat.snapshot();
    // A service failure on reading Riwayat (as Apps Script's "Service Spreadsheets failed …").
    riwayat.getDataRange = () => {
      throw new Error('Service Spreadsheets failed while accessing document');
    };
    now = at('2026-07-19');
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome.complete).toBe(true);
    expect(outcome.history!.appended).toBe(0);
    expect(outcome.history!.problems[0]!.id).toBe("Hasil Pemeriksaan sudah diperbarui, tetapi sheet 'Riwayat' tidak dapat ditulis: Service Spreadsheets failed while accessing document");
    expect(riwayat.snapshot()).toBe(before);
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump()[1]![resultsHeader().length - 3]).toBe('19/07/2026 14:00');
  });

  test('clicking Periksa semua again the same day with nothing changed adds no rows', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    let now = at('2026-07-05');
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    sandbox.run('runCheckAll');
    const rows = spreadsheet.getSheetByName('Riwayat')!.getLastRow();
    now += 3600_000;
    const again = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(again.history!.appended).toBe(0);
    expect(spreadsheet.getSheetByName('Riwayat')!.getLastRow()).toBe(rows);
  });

  test('a Riwayat whose header is not recognised is left alone and the check still completes', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    spreadsheet.insertSheet('Riwayat').seed([['Catatan rapat', 'Isi'], ['2026-01-01', 'rapat Satgas']]);
    const before = spreadsheet.getSheetByName('Riwayat')!.snapshot();
    const sandbox = loadBundle({ spreadsheet, now: new Date(at('2026-07-05')) });
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome.complete).toBe(true);
    expect(outcome.history!.appended).toBe(0);
    expect(outcome.history!.problems[0]!.id).toMatch(/^Sheet 'Riwayat': judul kolom tidak dikenali/);
    expect(spreadsheet.getSheetByName('Riwayat')!.snapshot()).toBe(before);
  });

  test('past the size limit (parameter historyMaxCells) nothing is appended and the office is told', () => {
    const spreadsheet = workbookFrom(balikpapanSample(), { parameters: [['historyMaxCells', 10_000]] });
    // 850 earlier rows: one more block of 41 fits under 10,000 cells (892 × 11 columns: five checks), a second does not (933 × 11).
    const old = { checkedOn: '2026-01-01', checkedAt: '01/01/2026 09:00', coopId: 'KKMP-BPP-01', statuses: { legal: 'BELUM' as const }, levels: { legal: 'bad' as const }, score: '0/14', rulesVersion: 'r-0' };
    spreadsheet.insertSheet('Riwayat').seed([historyHeader(), ...Array.from({ length: 850 }, () => historyRow(old, historyHeader()))]);
    let now = at('2026-07-05');
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    expect((sandbox.run('runCheckAll') as CheckAllOutcome).history!.appended).toBe(41);
    const rows = spreadsheet.getSheetByName('Riwayat')!.getLastRow();
    expect(historyHeader()).toHaveLength(11);
    expect(rows).toBe(892);
    now = at('2026-07-19');
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome.history!.appended).toBe(0);
    expect(outcome.history!.problems.map((p) => p.id).join()).toContain('batas 10000 sel (parameter historyMaxCells)');
    expect(spreadsheet.getSheetByName('Riwayat')!.getLastRow()).toBe(rows);
  });
});

describe('a check-all done in several executions', () => {
  test('writes history once, when the last part has written the results: one block equal to an uninterrupted run', () => {
    const input = syntheticInput(1200);
    const start = Date.parse('2026-11-24T06:00:00Z');
    const reference = loadBundle({ spreadsheet: workbookFrom(input), now: new Date(start + 1000) });
    reference.run('runCheckAll');
    let t = start;
    const sandbox = loadBundle({ spreadsheet: workbookFrom(input), clock: () => (t += 1000) });
    let outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    let parts = 1;
    while (!outcome.complete) {
      expect(outcome.history).toBeUndefined();
      expect(sandbox.spreadsheet.getSheetByName('Riwayat')).toBeNull();
      outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
      parts += 1;
    }
    expect(parts).toBeGreaterThan(2);
    expect(outcome.history!.appended).toBe(1200);
    const rows = (name: string) => name === 'ref' ? reference.spreadsheet.getSheetByName('Riwayat')!.dump() : sandbox.spreadsheet.getSheetByName('Riwayat')!.dump();
    // Same rows but for the check time (the parts ran at other instants): date, ID, statuses, score, levels, version.
    const withoutTime = (table: unknown[][]) => table.map((row) => [row[0], ...row.slice(2)]);
    expect(withoutTime(rows('run'))).toEqual(withoutTime(rows('ref')));
  });
});

describe('Riwayat edited by hand', () => {
  /** Two check-alls, the edit, a third: the change column, the outcome, Riwayat and the sidebar's trend. */
  function thirdCheckAfter(edit: (riwayat: FakeSheet) => void) {
    const spreadsheet = workbookFrom(balikpapanSample());
    let now = at(DATES[0]);
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    sandbox.run('runCheckAll');
    EDITS[0]!(spreadsheet, balikpapanSample());
    now = at(DATES[1]);
    sandbox.run('runCheckAll');
    const riwayat = spreadsheet.getSheetByName('Riwayat')!;
    edit(riwayat);
    const edited = riwayat.dump();
    now = at(DATES[2]);
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    const changes = spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().slice(1, 42).map((row) => String(row[CHANGE]));
    const history = sandbox.run('getSidebarHistory') as SidebarHistory;
    return { outcome, changes, edited, after: riwayat.dump(), history };
  }
  const untouched = thirdCheckAfter(() => undefined);

  test.each<[string, (riwayat: FakeSheet) => void]>([
    ['rows sorted by ID', (r) => {
      const rows = r.dump();
      r.seed([rows[0]!, ...rows.slice(1).sort((a, b) => String(a[2]).localeCompare(String(b[2])))]);
    }],
    ['the Legalitas and RAT columns swapped', (r) => {
      r.seed(r.dump().map((row) => [row[0]!, row[1]!, row[2]!, row[4]!, row[3]!, ...row.slice(5)]));
    }],
    ['check dates retyped as text 05/07/2026', (r) => {
      r.dump().forEach((row, i) => {
        if (i > 0) r.setCell(i + 1, 1, `${String(row[0]).slice(8, 10)}/${String(row[0]).slice(5, 7)}/${String(row[0]).slice(0, 4)}`);
      });
    }],
    ['statuses typed in lower case', (r) => {
      r.dump().forEach((row, i) => {
        if (i > 0) r.setCell(i + 1, 5, String(row[4]).toLowerCase());
      });
    }],
  ])('%s: the same changes, counts and trend as untouched, earlier rows left as edited', (_name, edit) => {
    const run = thirdCheckAfter(edit);
    expect(run.changes).toEqual(untouched.changes);
    expect({ ...run.outcome.history, problems: [] }).toEqual({ ...untouched.outcome.history, problems: [] });
    expect(run.outcome.history!.problems).toEqual([]);
    expect(run.history.trend).toEqual(untouched.history.trend);
    expect(run.after.slice(0, run.edited.length)).toEqual(run.edited);
    expect(run.after).toHaveLength(run.edited.length + 41);
  });

  test('a junk row in the middle is named with its row and the rest is read as before', () => {
    const run = thirdCheckAfter((r) => {
      const rows = r.dump();
      r.seed([...rows.slice(0, 30), ['catatan: rapat Satgas ditunda', '', '', '', ''], ...rows.slice(30)].map((row) => [...row, ...Array(Math.max(0, rows[0]!.length - row.length)).fill('')]));
    });
    expect(run.changes).toEqual(untouched.changes);
    expect(run.outcome.history!.problems.map((p) => p.id)).toEqual(['sheet Riwayat, baris 31: baris riwayat tidak terbaca (ID Koperasi); baris dilewati.']);
  });
});
