/**
 * "Siapkan buku kerja": creates the sheets the contract names with their
 * headers (bold, frozen), column widths, number formats and dropdowns, and a
 * `Parameter` sheet with the defaults and their notes. On a workbook that
 * already has data it only adds what is missing — new sheets, missing columns
 * at the end of the header row, missing parameter rows — and changes nothing
 * else: no existing cell, format or dropdown is touched.
 */
import { fill, message } from '../core/messages';
import { KECAMATAN_NAMES, KELURAHAN_NAMES } from '../core/workbook/balikpapan';
import {
  MEETING_COLUMNS,
  MENTOR_COLUMNS,
  OUTLET_STATUSES,
  PARAMETER_COLUMNS,
  REGISTER_COLUMNS,
  SHEETS,
  VISIT_ACTIVITIES,
  VISIT_COLUMNS,
  headerText,
  type ColumnSpec,
} from '../core/workbook/columns';
import { matchHeader, normaliseLabel } from '../core/workbook/header-matching';
import { parameterRows } from '../core/workbook/parameter-rows';
import type { SetupOutcome } from '../shared/sidebar-api';
import { withDocumentLock } from './document-lock';
import { ensureSize } from './grid-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATE_FORMAT = 'dd/mm/yyyy';
const RUPIAH_FORMAT = '"Rp" #,##0';
const HEADER_SCAN_ROWS = 10;

const TABLES: ReadonlyArray<{ name: string; columns: ReadonlyArray<ColumnSpec> }> = [
  { name: SHEETS.register, columns: REGISTER_COLUMNS },
  { name: SHEETS.meetings, columns: MEETING_COLUMNS },
  { name: SHEETS.mentors, columns: MENTOR_COLUMNS },
  { name: SHEETS.parameters, columns: PARAMETER_COLUMNS },
  { name: SHEETS.visits, columns: VISIT_COLUMNS },
];

export function setupWorkbook(): SetupOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const outcome: SetupOutcome = { sheetsCreated: [], columnsAdded: [], parametersAdded: [], untouched: [] };
    // Every sheet first, so dropdowns can refer to another sheet (mentor IDs in Pendamping).
    for (const table of TABLES) {
      if (spreadsheet.getSheetByName(table.name)) continue;
      spreadsheet.insertSheet(table.name);
      outcome.sheetsCreated.push(table.name);
    }
    for (const table of TABLES) setUpTable(spreadsheet, table.name, table.columns, outcome);
    setUpParameters(spreadsheet, outcome);
    return outcome;
  });
}

export function setupMessage(outcome: SetupOutcome): string {
  const none = message('ui', 'none').id;
  const text = fill(message('ui', 'setupDone').id, (name) =>
    ({
      sheets: outcome.sheetsCreated.join(', ') || none,
      columns: outcome.columnsAdded.map((c) => `${c.sheet}: ${c.labels.join(', ')}`).join('; ') || none,
      parameters: outcome.parametersAdded.join(', ') || none,
    })[name],
  );
  const untouched = outcome.untouched.map((sheet) => fill(message('ui', 'setupHeaderNotFound').id, () => sheet));
  return [text, ...untouched].join('\n');
}

function setUpTable(spreadsheet: Spreadsheet, name: string, columns: ReadonlyArray<ColumnSpec>, outcome: SetupOutcome): void {
  const sheet = spreadsheet.getSheetByName(name) as Sheet;
  let headerRow = 1;
  let missing: ReadonlyArray<ColumnSpec> = columns;
  let firstColumn = 1;
  if (sheet.getLastRow() > 0) {
    const scan = sheet.getRange(1, 1, Math.min(HEADER_SCAN_ROWS, sheet.getLastRow()), Math.max(1, sheet.getLastColumn())).getValues();
    const match = matchHeader(scan, columns);
    if (!match) {
      outcome.untouched.push(name);
      return;
    }
    headerRow = match.headerIndex + 1;
    const header = scan[match.headerIndex] ?? [];
    const lastUsed = header.reduce<number>((last, cell, i) => (normaliseLabel(cell) === '' ? last : i + 1), 0);
    // Never into a column holding data: a column with no header may still hold values below it.
    firstColumn = Math.max(lastUsed, sheet.getLastColumn()) + 1;
    missing = columns.filter((column) => !match.columns.has(column.field));
    if (missing.length === 0) return;
    outcome.columnsAdded.push({ sheet: name, labels: missing.map((c) => c.label) });
  }
  ensureSize(sheet, headerRow + 1, firstColumn + missing.length - 1);
  const header = sheet.getRange(headerRow, firstColumn, 1, missing.length);
  header.setValues([missing.map(headerText)]);
  header.setFontWeight('bold');
  if (headerRow === 1 && sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  missing.forEach((column, i) => formatColumn(spreadsheet, sheet, firstColumn + i, headerRow, column));
}

function formatColumn(spreadsheet: Spreadsheet, sheet: Sheet, column: number, headerRow: number, spec: ColumnSpec): void {
  sheet.setColumnWidth(column, spec.width ?? 140);
  const rows = sheet.getMaxRows() - headerRow;
  if (rows < 1) return;
  const body = sheet.getRange(headerRow + 1, column, rows, 1);
  if (spec.kind === 'date') body.setNumberFormat(DATE_FORMAT);
  if (spec.kind === 'amount') body.setNumberFormat(RUPIAH_FORMAT);
  if (spec.kind === 'text') body.setNumberFormat('@');
  const rule = validationFor(spreadsheet, spec);
  if (rule) body.setDataValidation(rule);
}

/** Dropdowns that warn but never reject what a person types (the readers report bad values). */
function validationFor(spreadsheet: Spreadsheet, spec: ColumnSpec): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (spec.list) {
    case 'kecamatan':
      return builder.requireValueInList([...KECAMATAN_NAMES], true).build();
    case 'kelurahan':
      return builder.requireValueInList([...KELURAHAN_NAMES], true).build();
    case 'yesno':
      return builder.requireValueInList([message('ui', 'yes').id, message('ui', 'no').id], true).build();
    case 'visitActivities':
      return builder.requireValueInList([...VISIT_ACTIVITIES], true).build();
    case 'outletStatus':
      return builder.requireValueInList([...OUTLET_STATUSES], true).build();
    case 'mentorIds': {
      const mentors = spreadsheet.getSheetByName(SHEETS.mentors);
      if (!mentors) return null;
      return builder.requireValueInRange(mentors.getRange(2, 1, Math.max(1, mentors.getMaxRows() - 1), 1), true).build();
    }
    default:
      return null;
  }
}

function setUpParameters(spreadsheet: Spreadsheet, outcome: SetupOutcome): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.parameters);
  if (!sheet || outcome.untouched.includes(SHEETS.parameters)) return;
  const values = sheet.getDataRange().getValues();
  const match = matchHeader(values, PARAMETER_COLUMNS);
  if (!match) return;
  const keyColumn = match.columns.get('key') as number;
  const present = new Set(values.slice(match.headerIndex + 1).map((row) => String(row[keyColumn] ?? '').trim()));
  const rows = parameterRows()
    .filter(([key]) => !present.has(key))
    .map(([key, value, note]) => {
      const row: Array<string | number> = [];
      row[keyColumn] = key;
      row[match.columns.get('value') as number] = value;
      row[match.columns.get('note') as number] = note;
      return Array.from(row, (cell) => cell ?? '');
    });
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const start = Math.max(sheet.getLastRow(), match.headerIndex + 1) + 1;
  ensureSize(sheet, start + rows.length - 1, width);
  sheet.getRange(start, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  outcome.parametersAdded.push(...rows.map((r) => String(r[keyColumn])));
}
