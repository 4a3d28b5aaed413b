/**
 * Rule cases: what the rules must say for a few co-ops, written as rows by the
 * people who know the regulations — in the workbook's sheet `Uji Aturan`, and
 * for the bundled rules in rules/cases.json, in the very same form (a header of
 * labels and rows of cells, read by the same cell readers).
 *
 * A case starts from the reference co-op of rules/cases.json (`base`: a co-op
 * that passes every check, with its RAT and its mentor) and changes only the
 * cells it fills: `Nama Kasus`, `Tanggal Pemeriksaan`, any `Koperasi` column by
 * its label, the RAT of the book year (`RAT Tahun Buku`, `Tanggal RAT`,
 * `Anggota Hadir`, `Tanggal Laporan`), the mentor (`Mulai Tugas`, `Akhir
 * Tugas`, `Beban Pendamping`) and, per check, the status expected (`Harapan
 * Legalitas`, `Harapan RAT`, …). A blank cell keeps the reference value; `-`
 * clears it. Why: a workbook's rule set is accepted only if every case passes,
 * so domain experts, not programmers, keep the rules right.
 */
import type { CheckId, CheckInput, CoopRecord, Mentor, Problem, RatMeeting, RuleCase, StatusCode } from '../shared/types';
import casesFile from '../../rules/cases.json';
import { buildCityIndex } from './city-index';
import { runCheckSync, type CheckEngine } from './check-engine';
import { deriveFacts } from './derived-facts';
import { errorText, message } from './messages';
import { CHECKS, STATUSES_BY_CHECK, ownKey } from './rule-data';
import { dayFromIso } from './calendar';
import type { CellContext, CellValue } from './workbook/cell-values';
import { REGISTER_COLUMNS, type ColumnSpec } from './workbook/columns';
import { columnLetter, matchHeader, normaliseLabel } from './workbook/header-matching';
import { locatedProblem, readRows, where as whereText, type TableSource } from './workbook/table-reader';

/** The sheet of cases written by the office. */
export const CASES_SHEET = 'Uji Aturan';
/** Where the bundled cases live, for messages. */
export const BUNDLED_CASES_FILE = 'rules/cases.json';

const EXPECT_PREFIX = 'Harapan';

/** The columns of a case row: name and date, the register's, one RAT, the mentor, and one expected status per check. */
export function caseColumns(): Array<ColumnSpec<string>> {
  return [
    { field: 'name', label: 'Nama Kasus', synonyms: ['Kasus', 'Nama Uji'], kind: 'text', required: true, width: 260 },
    { field: 'asOf', label: 'Tanggal Pemeriksaan', synonyms: ['Tanggal Cek'], kind: 'date' },
    ...REGISTER_COLUMNS.map((c) => ({ ...c, field: `coop:${c.field}`, required: false })),
    { field: 'rat:bookYear', label: 'RAT Tahun Buku', kind: 'year' },
    { field: 'rat:heldOn', label: 'Tanggal RAT', kind: 'date' },
    { field: 'rat:membersPresent', label: 'Anggota Hadir', kind: 'integer' },
    { field: 'rat:reportedOn', label: 'Tanggal Laporan', kind: 'date' },
    { field: 'mentor:startsOn', label: 'Mulai Tugas', kind: 'date' },
    { field: 'mentor:endsOn', label: 'Akhir Tugas', kind: 'date' },
    { field: 'mentor:load', label: 'Beban Pendamping', kind: 'integer' },
    { field: 'mentor:listed', label: 'Pendamping Terdaftar', kind: 'yesno' },
    ...CHECKS.map((check) => ({
      field: `expect:${check.id}`,
      label: `${EXPECT_PREFIX} ${message('check', check.id).id}`,
      synonyms: [`${EXPECT_PREFIX} ${check.id}`, `${EXPECT_PREFIX} ${message('check', check.id).en}`],
      kind: 'text' as const,
      width: 170,
    })),
  ];
}

/** Reference values a case starts from: a co-op with its RAT and mentor. */
interface Base {
  asOf: string;
  record: CoopRecord;
  meeting: RatMeeting;
  mentor: Mentor;
  load: number;
  listed: boolean;
}

/**
 * Reads the cases of a sheet (or of rules/cases.json): the header is found
 * like any other table's; every cell goes through the workbook's cell readers
 * and an unreadable one is reported at its sheet, row and column.
 */
export function readRuleCases(sheet: string, values: readonly unknown[][], context: CellContext, base: Base = bundledBase()): { cases: RuleCase[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const columns = caseColumns();
  const match = matchHeader(values, columns);
  if (!match) {
    problems.push(locatedProblem('error', { sheet }, 'noHeader', { label: columns[0]!.label }));
    return { cases: [], problems };
  }
  const header = values[match.headerIndex] ?? [];
  header.forEach((cell, c) => {
    if (normaliseLabel(cell) === '' || Array.from(match.columns.values()).includes(c)) return;
    problems.push(locatedProblem('warning', { sheet, row: match.headerIndex + 1, column: columnLetter(c) }, 'caseUnknownColumn', { column: String(cell) }));
  });
  const start = match.headerIndex + 1;
  // `-` clears a value: read as a blank cell (a yes/no cell reads `-` as "no", like everywhere in the workbook).
  const clears = new Set<number>(columns.filter((c) => c.kind !== 'yesno').map((c) => match.columns.get(c.field)).filter((i): i is number => i !== undefined));
  const rows = values.slice(start).map((cells) => cells.map((cell, c) => (clears.has(c) && typeof cell === 'string' && cell.trim() === '-' ? '' : cell)));
  const table: TableSource<string> = {
    sheet,
    rows,
    columnIndex: match.columns,
    rowNumber: (i) => start + i + 1,
    locate: (i, field, label) => ({ sheet, row: start + i + 1, column: `${label} (${columnLetter(match.columns.get(field) as number)})` }),
  };
  const cases: RuleCase[] = [];
  for (const row of readRows(table, columns, context, problems)) {
    const cells = values[row.row - 1] ?? [];
    const given = (field: string): boolean => {
      const index = match.columns.get(field);
      const raw = index === undefined ? undefined : cells[index];
      return !(raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''));
    };
    const value = (field: string): CellValue => row.values[field] ?? null;
    const where = { sheet, row: row.row };
    const name = value('name');
    if (typeof name !== 'string' || name.trim() === '') {
      problems.push(locatedProblem('warning', where, 'caseNoName', {}));
      continue;
    }
    const record: CoopRecord = { ...base.record, unreadable: [] };
    for (const column of REGISTER_COLUMNS) {
      if (given(`coop:${column.field}`) && (column.field !== 'id' || value('coop:id') !== null)) (record as unknown as Record<string, CellValue>)[column.field] = value(`coop:${column.field}`);
    }
    const meeting: RatMeeting = { ...base.meeting, coopId: record.id, members: record.members };
    for (const field of ['bookYear', 'heldOn', 'membersPresent', 'reportedOn'] as const) {
      if (given(`rat:${field}`)) (meeting as unknown as Record<string, CellValue>)[field] = value(`rat:${field}`);
    }
    const mentor: Mentor = { ...base.mentor, id: record.mentorId ?? base.mentor.id };
    if (given('mentor:startsOn')) mentor.startsOn = value('mentor:startsOn') as string | null;
    if (given('mentor:endsOn')) mentor.endsOn = value('mentor:endsOn') as string | null;
    const load = given('mentor:load') ? Number(value('mentor:load') ?? 0) : base.load;
    const expected: Record<CheckId, StatusCode> = {};
    for (const check of CHECKS) {
      const field = `expect:${check.id}`;
      if (!given(field)) continue;
      const text = String(value(field) ?? '');
      const code = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
      const allowed = STATUSES_BY_CHECK[check.id] ?? [];
      if (allowed.includes(code)) expected[check.id] = code;
      else {
        problems.push(
          locatedProblem('warning', { ...where, column: columnLetter(match.columns.get(field) as number) }, 'caseUnknownStatus', {
            value: text,
            check: message('check', check.id),
            expected: allowed.map((s) => message('status', s).id).join(', '),
          }),
        );
      }
    }
    if (Object.keys(expected).length === 0 && !CHECKS.some((check) => given(`expect:${check.id}`))) {
      problems.push(locatedProblem('warning', where, 'caseNoExpected', { name: name.trim() }));
      continue;
    }
    const others = Array.from({ length: Math.max(0, Math.min(load - 1, 1000)) }, (_, i): CoopRecord => ({ ...base.record, id: `${record.id}-LAIN-${i + 1}`, mentorId: record.mentorId, unreadable: [] }));
    cases.push({
      name: name.trim(),
      source: whereText(where).id,
      asOf: (given('asOf') ? (value('asOf') as string | null) : null) ?? base.asOf,
      record,
      meetings: meeting.heldOn === null && meeting.bookYear === null ? [] : [meeting],
      mentors: record.mentorId === null || (given('mentor:listed') ? value('mentor:listed') : base.listed) === false ? [] : [mentor],
      others,
      expected,
    });
  }
  return { cases, problems };
}

/** Cells of rules/cases.json are what a person would type (ISO dates as text): no Date values. */
const TEXT_CONTEXT: CellContext = { dateToIso: (date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)) };

interface CasesFile {
  base: Record<string, string | number | boolean>;
  header: string[];
  rows: Array<Array<string | number | boolean>>;
}

let baseCache: Base | null = null;
let bundledCache: RuleCase[] | null = null;

/** The reference co-op of rules/cases.json. */
export function bundledBase(): Base {
  if (baseCache) return baseCache;
  const file = casesFile as unknown as CasesFile;
  const labels = Object.keys(file.base);
  const columns = REGISTER_COLUMNS;
  const empty: CoopRecord = Object.assign({ unreadable: [] as string[] }, ...columns.map((c) => ({ [c.field]: null }))) as CoopRecord;
  const fake: Base = { asOf: '', record: empty, meeting: { coopId: '', bookYear: null, heldOn: null, membersPresent: null, members: null, reportedOn: null }, mentor: { id: '', name: null, skills: null, startsOn: null, endsOn: null }, load: 1, listed: true };
  // The reference co-op passes every check: it expects each check's first status (the good one).
  const expectations = CHECKS.map((check) => [`${EXPECT_PREFIX} ${check.id}`, message('status', check.statuses[0] as string).id]);
  const header = ['Nama Kasus', ...labels, ...expectations.map(([label]) => label)];
  const read = readRuleCases(BUNDLED_CASES_FILE, [header, ['base', ...labels.map((l) => file.base[l] as string | number | boolean), ...expectations.map(([, status]) => status)]], TEXT_CONTEXT, fake);
  const one = read.cases[0];
  if (!one || read.problems.length > 0) throw new Error(`${BUNDLED_CASES_FILE}: base unreadable: ${read.problems.map((p) => p.text.en).join('; ')}`);
  const id = one.record.id;
  baseCache = {
    asOf: one.asOf,
    record: { ...one.record, id },
    meeting: { ...(one.meetings[0] as RatMeeting), coopId: id },
    mentor: { ...(one.mentors[0] as Mentor), id: one.record.mentorId as string, name: 'Pendamping' },
    load: one.others.length + 1,
    listed: one.mentors.length > 0,
  };
  return baseCache;
}

/** The cases the bundled rules ship with (rules/cases.json). */
export function bundledCases(): RuleCase[] {
  if (bundledCache) return bundledCache;
  const file = casesFile as unknown as CasesFile;
  const read = readRuleCases(BUNDLED_CASES_FILE, [file.header, ...file.rows], TEXT_CONTEXT);
  if (read.problems.length > 0) throw new Error(`${BUNDLED_CASES_FILE}: ${read.problems.map((p) => p.text.en).join('; ')}`);
  bundledCache = read.cases;
  return bundledCache;
}

/** The cases a check is held to: the bundled ones, a workbook case of the same name replacing one, and the workbook's others. */
export function casesFor(check: CheckId, workbookCases: readonly RuleCase[]): RuleCase[] {
  const mine = workbookCases.filter((c) => ownKey(c.expected, check));
  const names = new Set(mine.map((c) => c.name.toLowerCase()));
  return [...bundledCases().filter((c) => ownKey(c.expected, check) && !names.has(c.name.toLowerCase())), ...mine];
}

/** The check input of a case: its co-op, the others sharing its mentor, its RAT and mentor. */
export function caseInput(ruleCase: RuleCase): CheckInput {
  return { asOf: ruleCase.asOf, coops: [ruleCase.record, ...ruleCase.others], meetings: ruleCase.meetings, mentors: ruleCase.mentors };
}

/**
 * The status one engine gives a case, or the reason it gives none (thrown
 * errors are caught: a case never stops a run).
 */
export function statusOfCase(ruleCase: RuleCase, engine: CheckEngine): { status: StatusCode } | { error: string } {
  try {
    const input = caseInput(ruleCase);
    const checkDay = dayFromIso(ruleCase.asOf);
    if (checkDay === null) return { error: ruleCase.asOf };
    const facts = deriveFacts(ruleCase.record, buildCityIndex(input), engine.params, checkDay);
    return { status: runCheckSync(engine, facts, ruleCase.record).status };
  } catch (error) {
    return { error: errorText(error) };
  }
}
