/**
 * The sidebar's model after changes made by hand in the sheet: brought up to
 * date from the last model by checking only the co-ops whose rows the change
 * reaches (src/sheets/sidebar-model.ts, src/sheets/sidebar-rows.ts). Whatever
 * the change — to the register, the RAT log, the mentors or the visit log —
 * the model must equal the model of a full check of the workbook as it now is
 * (statuses, due dates, where each co-op lives, mentors, problems), and most
 * changes must be followed without checking every co-op.
 */
import fc from 'fast-check';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { syntheticInput } from '../../examples/synthetic-data';
import { sampleVisits } from '../../examples/visits-data';
import type { SidebarModel } from '../../src/sheets/sidebar-model';
import type { SidebarData } from '../../src/shared/sidebar-api';
import type { CellValue } from '../support/fakes/spreadsheet-app';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import { sheetDate, workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const RUNS = Number(process.env.PANTAU_HAND_EDIT_RUNS ?? 60);
const TABLE_SHEETS = ['Koperasi', 'RAT', 'Pendamping', 'Kunjungan'] as const;

/** The model the sidebar stored last, as the cache holds it. */
function storedModel(sandbox: Sandbox): SidebarModel {
  const cache = sandbox.cache.documentCache;
  const fingerprint = cache.get('pantau-sidebar:last') as string;
  const count = Number(cache.get(`pantau-sidebar:${fingerprint}`));
  const text = Array.from({ length: count }, (_, i) => cache.get(`pantau-sidebar:${fingerprint}:${i}`) as string).join('');
  return JSON.parse(text) as SidebarModel;
}

/** Opens the sidebar; returns the model it made (brought up to date), then the model of a full check of the same workbook. */
function incrementalAndFull(sandbox: Sandbox): { incremental: SidebarModel; full: SidebarModel } {
  sandbox.run('getSidebarData');
  const incremental = storedModel(sandbox);
  sandbox.cache.documentCache.clear();
  sandbox.run('getSidebarData');
  const full = storedModel(sandbox);
  return { incremental, full };
}

/** What must be equal: everything but how many co-ops it took to make it. */
function comparable(model: SidebarModel): Omit<SidebarModel, 'checked'> {
  const { checked: _checked, ...rest } = model;
  return rest;
}

type Edit =
  | { kind: 'cell'; sheet: number; row: number; column: number; value: CellValue }
  | { kind: 'add'; sheet: number; copyOf: number; column: number; value: CellValue }
  | { kind: 'remove'; sheet: number; row: number }
  | { kind: 'swap'; sheet: number; a: number; b: number }
  | { kind: 'mentor'; row: number; mentor: number }
  | { kind: 'rat'; coop: number; year: number };

function cellValue(ids: string[], mentorIds: string[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    fc.constantFrom<CellValue>('', '-', 'x', 'Ya', 'Tidak', 0, 12, 250, 2024, 2025, '15/06/2025', '2025/2026', sheetDate('2025-06-30'), sheetDate('2026-12-31'), sheetDate('2019-01-01')),
    fc.constantFrom(...ids),
    // The same ID as another, as typed differently: one key (a duplicate) or a look-alike.
    fc.constantFrom(...ids).map((id) => ` ${id.toLowerCase()}`),
    fc.constantFrom(...ids).map((id) => id.replace('K', '\u041a')), // a Cyrillic К: a look-alike ID
    fc.constantFrom(...mentorIds),
  );
}

function edits(ids: string[], mentorIds: string[]): fc.Arbitrary<Edit[]> {
  const sheet = fc.integer({ min: 0, max: TABLE_SHEETS.length - 1 });
  const index = fc.nat(10_000);
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('cell' as const), sheet, row: index, column: fc.nat(40), value: cellValue(ids, mentorIds) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), sheet, copyOf: index, column: fc.nat(40), value: cellValue(ids, mentorIds) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), sheet, row: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), sheet, a: index, b: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('mentor' as const), row: index, mentor: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rat' as const), coop: index, year: fc.integer({ min: 2023, max: 2026 }) }) },
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 });
}

/** Applies an edit as a person would by hand (cells typed, rows added at the end, deleted, moved). */
function apply(sandbox: Sandbox, edit: Edit, mentorIds: string[]): void {
  const name = edit.kind === 'mentor' ? 'Koperasi' : edit.kind === 'rat' ? 'RAT' : TABLE_SHEETS[edit.sheet]!;
  const sheet = sandbox.spreadsheet.getSheetByName(name);
  if (!sheet) return;
  const rows = sheet.dump();
  const header = rows[0] as CellValue[];
  const dataRows = rows.length - 1;
  const pick = (n: number): number => 2 + (n % Math.max(1, dataRows));
  switch (edit.kind) {
    case 'cell':
      if (dataRows > 0) sheet.setCell(pick(edit.row), 1 + (edit.column % header.length), edit.value);
      return;
    case 'add': {
      const copy = dataRows > 0 ? (rows[pick(edit.copyOf) - 1] as CellValue[]).slice() : header.map(() => '' as CellValue);
      copy[edit.column % header.length] = edit.value;
      sheet.seed([copy], rows.length + 1);
      return;
    }
    case 'remove':
      if (dataRows > 1) sheet.deleteRow(pick(edit.row));
      return;
    case 'swap': {
      if (dataRows < 2) return;
      const a = pick(edit.a);
      const b = pick(edit.b);
      const rowA = rows[a - 1] as CellValue[];
      const rowB = rows[b - 1] as CellValue[];
      rowB.forEach((v, c) => sheet.setCell(a, c + 1, v));
      rowA.forEach((v, c) => sheet.setCell(b, c + 1, v));
      return;
    }
    case 'mentor': {
      const column = header.indexOf('Pendamping') + 1;
      if (dataRows > 0 && column > 0) sheet.setCell(pick(edit.row), column, mentorIds[edit.mentor % mentorIds.length] as string);
      return;
    }
    case 'rat': {
      const register = sandbox.spreadsheet.getSheetByName('Koperasi')!.dump();
      const coop = register[1 + (edit.coop % Math.max(1, register.length - 1))]?.[0] ?? 'KKMP-X';
      const row = header.map((label): CellValue => {
        const text = String(label);
        if (/^ID Koperasi/.test(text)) return coop;
        if (/Tahun Buku/i.test(text)) return edit.year;
        if (/Tanggal RAT/i.test(text)) return sheetDate(`${edit.year + 1}-03-15`);
        if (/Hadir/i.test(text)) return 20;
        if (/Anggota/i.test(text)) return 30;
        return '';
      });
      sheet.seed([row], rows.length + 1);
    }
  }
}

function property(make: () => ReturnType<typeof workbookFrom>, runs: number): void {
  const probe = loadBundle({ spreadsheet: make(), now: NOW });
  const ids = (probe.spreadsheet.getSheetByName('Koperasi')!.dump().slice(1).map((r) => r[0]) as string[]).slice(0, 30);
  const mentorIds = probe.spreadsheet.getSheetByName('Pendamping')!.dump().slice(1).map((r) => r[0]) as string[];
  let partial = 0;
  let rounds = 0;
  fc.assert(
    fc.property(fc.array(edits(ids, mentorIds), { minLength: 1, maxLength: 3 }), (batches) => {
      const sandbox = loadBundle({ spreadsheet: make(), now: NOW });
      sandbox.run('getSidebarData');
      for (const batch of batches) {
        for (const edit of batch) apply(sandbox, edit, mentorIds);
        const { incremental, full } = incrementalAndFull(sandbox);
        expect(comparable(incremental)).toEqual(comparable(full));
        rounds += 1;
        if (incremental.checked < full.coops.length) partial += 1;
      }
    }),
    { numRuns: runs },
  );
  // Most changes were followed row by row (a full check each time would pass the comparison too).
  expect(partial).toBeGreaterThan(rounds / 2);
}

describe('a change by hand checks only what it reaches, and equals a full check', () => {
  test('the sample workbook (41 co-ops) with its visit log: cells typed, rows added, removed and moved, mentors reassigned, RAT rows added', () => {
    property(() => workbookFrom(balikpapanSample(), { visits: sampleVisits() }), RUNS);
  });

  test('a synthetic workbook of 150 co-ops', () => {
    property(() => workbookFrom(syntheticInput(150)), Math.max(5, Math.round(RUNS / 4)));
  });
});

describe('what one cell costs', () => {
  test('one cell typed in the register checks that co-op alone; a mentor moved checks both mentors’ co-ops', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(syntheticInput(300)), now: NOW });
    sandbox.run('getSidebarData');
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const header = register.dump()[0] as CellValue[];
    const name = header.indexOf('Nama Koperasi') + 1;
    register.setCell(10, name, 'KKMP Diubah Tangan');
    const { incremental, full } = incrementalAndFull(sandbox);
    expect(comparable(incremental)).toEqual(comparable(full));
    expect(incremental.checked).toBe(1);
    expect(full.checked).toBe(full.coops.length);

    const mentor = header.indexOf('Pendamping') + 1;
    const before = register.cell(12, mentor);
    const other = full.mentors.map((m) => m.id).find((id) => id !== before) as string;
    register.setCell(12, mentor, other);
    const moved = incrementalAndFull(sandbox);
    expect(comparable(moved.incremental)).toEqual(comparable(moved.full));
    const reached = moved.full.coops.filter((d) => d.mentorId === other || d.mentorId === before).length;
    expect(moved.incremental.checked).toBe(reached);
  });

  test('a visit logged by hand checks no co-op: only the visit log’s warnings are read again', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample(), { visits: sampleVisits() }), now: NOW });
    sandbox.run('getSidebarData');
    const visits = sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    const row = (visits.dump()[1] as CellValue[]).slice();
    row[1] = 'KKMP-TIDAK-ADA'; // a co-op the register does not know: one more warning
    visits.seed([row], visits.getLastRow() + 1);
    const { incremental, full } = incrementalAndFull(sandbox);
    expect(comparable(incremental)).toEqual(comparable(full));
    expect(incremental.checked).toBe(0);
    expect(full.problems.some((p) => p.location?.sheet === 'Kunjungan' && p.location.row === visits.getLastRow())).toBe(true);
  });

  test('the first screen after a change by hand equals the one after a full check', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    sandbox.run('getSidebarData');
    sandbox.spreadsheet.getSheetByName('RAT')!.deleteRow(3);
    const after = sandbox.run('getSidebarData') as SidebarData;
    sandbox.cache.documentCache.clear();
    expect(after).toEqual(sandbox.run('getSidebarData') as SidebarData);
  });

  test('a number format changed by hand is a change (a percent cell reads otherwise): the cache is not used', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    sandbox.run('getSidebarData');
    const first = storedModel(sandbox).fingerprint;
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const quorum = (register.dump()[0] as CellValue[]).findIndex((h) => String(h).startsWith('Kuorum RAT')) + 1;
    register.getRange(3, quorum).setNumberFormat('0.00%');
    const { incremental, full } = incrementalAndFull(sandbox);
    expect(incremental.fingerprint).not.toBe(first);
    expect(comparable(incremental)).toEqual(comparable(full));
    expect(incremental.checked).toBe(1);
  });

  test('a changed Parameter sheet checks everything again', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample(), { parameters: [['ratDeadlineMonths', 6]] }), now: NOW });
    sandbox.run('getSidebarData');
    sandbox.spreadsheet.getSheetByName('Parameter')!.setCell(2, 2, 5);
    sandbox.spreadsheet.getSheetByName('Koperasi')!.setCell(3, 2, 'KKMP Lain');
    const { incremental, full } = incrementalAndFull(sandbox);
    expect(comparable(incremental)).toEqual(comparable(full));
    expect(incremental.checked).toBe(full.coops.length);
  });

  test('on another day every co-op is checked again (statuses depend on the date)', () => {
    let now = NOW.getTime();
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), clock: () => now });
    sandbox.run('getSidebarData');
    now += 24 * 3600_000;
    sandbox.spreadsheet.getSheetByName('Koperasi')!.setCell(3, 2, 'KKMP Lain');
    const { incremental, full } = incrementalAndFull(sandbox);
    expect(incremental.asOf).toBe('2026-11-25');
    expect(comparable(incremental)).toEqual(comparable(full));
    expect(incremental.checked).toBe(full.coops.length);
  });
});
