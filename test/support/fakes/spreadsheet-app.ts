/**
 * A fake of SpreadsheetApp that follows Apps Script's documented behaviour:
 * 1-based `getRange(row, column, numRows, numColumns)` and A1 notation,
 * `getValues()` giving numbers, booleans, `Date` (of the script's own realm)
 * and `""` for empty cells, `setValues()` rejecting a wrongly sized array with
 * Apps Script's message, ranges outside the sheet rejected, `getLastRow()` /
 * `getLastColumn()` of the content. It counts Range reads and writes so tests
 * can assert that work is batched.
 *
 * Where Sheets is less kind than a plain store, so is this fake (rules and
 * sources in ./sheets-semantics.ts): strings written with setValue(s) are
 * parsed as typed input by the spreadsheet's locale unless the cell is plain
 * text or the string starts with '; number formats change what getValues and
 * getDisplayValues give; merged ranges hide their covered cells; sheet names
 * match without regard to case.
 */
import { displayValue, instantToSerial, isDateFormat, isNumberFormat, parseTyped, serialToInstant } from './sheets-semantics';
import { FakeChartList, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './embedded-chart';

export type CellValue = string | number | boolean | Date;

const isDate = (value: unknown): value is Date => value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';

export interface RangeCallCounts {
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
}

export class FakeSpreadsheetApp {
  readonly counts: RangeCallCounts = { reads: 0, writes: 0, byMethod: {} };
  /** Makes a `Date` of the sandbox's realm, as Apps Script's own values are. */
  realmDate: (time: number) => Date = (time) => new Date(time);
  /** The clock Sheets uses for a typed date without a year (the current year). */
  now: () => number = () => Date.now();
  readonly ui = new FakeUi();
  private active: FakeSpreadsheet;

  constructor(spreadsheet?: FakeSpreadsheet) {
    this.active = spreadsheet ?? new FakeSpreadsheet(this);
    this.active.app = this;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.active;
  }
  getActive(): FakeSpreadsheet {
    return this.active;
  }
  getUi(): FakeUi {
    return this.ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }

  count(method: string, kind: 'read' | 'write'): void {
    if (this.failNext && this.failNext.method === method) {
      const { message } = this.failNext;
      this.failNext = null;
      throw new Error(message);
    }
    if (kind === 'read') this.counts.reads += 1;
    else this.counts.writes += 1;
    this.counts.byMethod[method] = (this.counts.byMethod[method] ?? 0) + 1;
  }

  /** Fault injection: the next call of this Range method throws this message (as a service failure would). */
  failNext: { method: string; message: string } | null = null;

  resetCounts(): void {
    this.counts.reads = 0;
    this.counts.writes = 0;
    this.counts.byMethod = {};
  }
}

export class FakeSpreadsheet {
  app: FakeSpreadsheetApp | null;
  readonly sheets: FakeSheet[] = [];
  timeZone = 'Asia/Makassar';
  /** File > Settings > Locale: decides how typed numbers and dates are read (Indonesia by default, as the office's workbook). */
  locale = 'id_ID';
  private nextId = 1;

  constructor(app: FakeSpreadsheetApp | null = null, readonly name = 'Pantau KKMP') {
    this.app = app;
  }

  getName(): string {
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale() — e.g. "id_ID", "en_US". */
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getSheets(): FakeSheet[] {
    return this.sheets.slice();
  }
  private activeSheet: FakeSheet | null = null;
  private activeRange: FakeRange | null = null;
  getActiveSheet(): FakeSheet | null {
    return this.activeSheet ?? this.sheets[0] ?? null;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = sheet;
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange;
  }
  setActiveRange(range: FakeRange): FakeRange {
    this.activeSheet = range.getSheet();
    this.activeRange = range;
    return range;
  }
  /**
   * Sheets ignores case in sheet names: `getSheetByName('hasil pemeriksaan')`
   * finds "Hasil Pemeriksaan", and two sheets whose names differ only in case
   * cannot exist, from the UI or the API (socialpoint-labs/sheetfu#26: "Google
   * sheets internally ignores case for sheet names ... trying to create 2 sheets
   * with the same name but different cases fails").
   */
  getSheetByName(name: string): FakeSheet | null {
    const key = String(name).toLowerCase();
    return this.sheets.find((s) => s.getName().toLowerCase() === key) ?? null;
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, sheetName, this.nextId++);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
  }
}

export class FakeSheet {
  private cells: CellValue[][] = [];
  private notes = new Map<string, string>();
  private backgrounds = new Map<string, string>();
  private fontWeights = new Map<string, string>();
  private numberFormats = new Map<string, string>();
  private validations = new Map<string, unknown>();
  private formulas = new Map<string, unknown>();
  private columnWidths = new Map<number, number>();
  private frozenRows = 0;
  /** Merged ranges: top-left cell and size. */
  readonly merges: Array<{ row: number; column: number; rows: number; columns: number }> = [];
  maxRows = 1000;
  maxColumns = 26;
  /** A protected sheet: writes fail with Apps Script's message. */
  protected = false;

  constructor(readonly parent: FakeSpreadsheet, private name: string, private readonly id: number) {}

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    const other = this.parent.getSheetByName(name);
    if (other && other !== this) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertRowsAfter(_afterPosition: number, howMany: number): FakeSheet {
    this.maxRows += howMany;
    return this;
  }
  /**
   * Sheet.deleteRow(rowPosition): the row goes and the rows below move up one,
   * with their formats, notes and formulas; merges below move with them
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRow(Integer)).
   */
  deleteRow(rowPosition: number): FakeSheet {
    const app = this.parent.app;
    app?.count('deleteRow', 'write');
    if (this.protected) throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    if (rowPosition < 1 || rowPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    this.cells.splice(rowPosition - 1, 1);
    for (const kind of ['note', 'background', 'fontWeight', 'numberFormat', 'validation', 'formula'] as const) {
      const map = this.meta(kind);
      const moved = new Map<string, unknown>();
      for (const [key, value] of map) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        if (r < rowPosition) moved.set(key, value);
        else if (r > rowPosition) moved.set(`${r - 1},${c}`, value);
      }
      map.clear();
      for (const [key, value] of moved) map.set(key, value);
    }
    for (let i = this.merges.length - 1; i >= 0; i -= 1) {
      const m = this.merges[i] as { row: number; column: number; rows: number; columns: number };
      if (m.row > rowPosition) m.row -= 1;
      else if (m.row + m.rows - 1 >= rowPosition) {
        m.rows -= 1;
        if (m.rows * m.columns <= 1) this.merges.splice(i, 1);
      }
    }
    this.maxRows -= 1;
    return this;
  }
  insertColumnsAfter(_afterPosition: number, howMany: number): FakeSheet {
    this.maxColumns += howMany;
    return this;
  }
  /**
   * Sheet.deleteColumns(columnPosition, howMany): "Deletes a number of columns starting at the given column
   * position" — the cells go and the columns to the right move left. Moving notes, colours and formats along is
   * not modelled: the fake refuses rather than leave them in the wrong place.
   */
  deleteColumns(columnPosition: number, howMany: number): void {
    const touched = (['note', 'background', 'fontWeight', 'numberFormat', 'validation', 'formula'] as const).some((kind) =>
      Array.from(this.meta(kind).keys()).some((key) => Number(key.split(',')[1]) >= columnPosition));
    if (touched) throw new Error('FakeSheet.deleteColumns: moving cell formats is not modelled');
    for (const row of this.cells) row.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
  }

  // Embedded charts (see ./embedded-chart.ts for what Apps Script documents).
  private readonly chartList = new FakeChartList();
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this.chartList.insert(chart);
  }
  getCharts(): FakeEmbeddedChart[] {
    return this.chartList.charts.slice();
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this.chartList.remove(chart);
  }
  updateChart(chart: FakeEmbeddedChart): void {
    this.chartList.update(chart);
  }
  getLastRow(): number {
    for (let r = this.cells.length; r >= 1; r -= 1) if ((this.cells[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.cells) for (let c = row.length; c > last; c -= 1) if (row[c - 1] !== '') { last = c; break; }
    return last;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    this.columnWidths.set(column, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this.columnWidths.get(column) ?? 100;
  }
  getDataRange(): FakeRange {
    return new FakeRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const { row, col, rows, cols } = parseA1(rowOrA1.includes('!') ? (rowOrA1.split('!').pop() as string) : rowOrA1);
      return this.rangeChecked(row, col, rows, cols);
    }
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return this.rangeChecked(rowOrA1, column, numRows, numColumns);
  }

  private rangeChecked(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  /** The merge holding this cell, if any. */
  mergeAt(row: number, column: number): { row: number; column: number; rows: number; columns: number } | undefined {
    return this.merges.find((m) => row >= m.row && row < m.row + m.rows && column >= m.column && column < m.column + m.columns);
  }
  /** A cell inside a merged range other than its top-left one: Sheets shows and stores nothing there. */
  covered(row: number, column: number): boolean {
    const m = this.mergeAt(row, column);
    return m !== undefined && (m.row !== row || m.column !== column);
  }
  /** The cell's number format ('' = automatic). */
  format(row: number, column: number): string {
    return (this.numberFormats.get(`${row},${column}`) as string | undefined) ?? '';
  }

  // Cell storage, used by FakeRange (and by tests to set up or inspect a sheet without counting calls).
  cell(row: number, column: number): CellValue {
    return this.cells[row - 1]?.[column - 1] ?? '';
  }
  setCell(row: number, column: number, value: CellValue): void {
    while (this.cells.length < row) this.cells.push([]);
    const line = this.cells[row - 1] as CellValue[];
    while (line.length < column) line.push('');
    line[column - 1] = value;
  }
  /** Test helper: writes rows from (1,1) without counting, growing the sheet as needed. */
  seed(rows: CellValue[][], startRow = 1): FakeSheet {
    rows.forEach((values, r) => values.forEach((v, c) => this.setCell(startRow + r, c + 1, v)));
    this.maxRows = Math.max(this.maxRows, startRow + rows.length - 1);
    this.maxColumns = Math.max(this.maxColumns, ...rows.map((r) => r.length));
    return this;
  }
  /** Test helper: the content rows, trimmed to the last row and column with content. */
  dump(): CellValue[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.cell(r + 1, c + 1)));
  }
  meta(kind: 'note' | 'background' | 'fontWeight' | 'numberFormat' | 'validation' | 'formula'): Map<string, unknown> {
    return { note: this.notes, background: this.backgrounds, fontWeight: this.fontWeights, numberFormat: this.numberFormats, validation: this.validations, formula: this.formulas }[kind];
  }
  /** Test helper: everything about a cell a person could see (value, note, colour, weight, format, dropdown, formula). */
  snapshot(): string {
    const meta = Object.fromEntries((['note', 'background', 'fontWeight', 'numberFormat', 'validation', 'formula'] as const).map((k) => [k, Array.from(this.meta(k).entries())]));
    return JSON.stringify({ cells: this.cells, meta, frozen: this.frozenRows, merges: this.merges });
  }
}

export const FORMULA_RESULT = '#ERROR!';

/** What a cell shows when nothing was set: Apps Script's getBackgrounds() gives #ffffff, getFontWeights() normal. */
const META_DEFAULTS: Readonly<Record<string, unknown>> = { note: '', background: '#ffffff', fontWeight: 'normal', numberFormat: '', validation: null, formula: '' };

export class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  private get app(): FakeSpreadsheetApp {
    const app = this.sheet.parent.app;
    if (!app) throw new Error('FakeRange: spreadsheet is not attached to a FakeSpreadsheetApp');
    return app;
  }

  private writable(): void {
    if (this.sheet.protected) throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getA1Notation(): string {
    const start = `${columnLetters(this.column)}${this.row}`;
    return this.numRows === 1 && this.numColumns === 1 ? start : `${start}:${columnLetters(this.getLastColumn())}${this.getLastRow()}`;
  }

  getValues(): CellValue[][] {
    this.app.count('getValues', 'read');
    return this.grid((r, c) => this.valueAt(r, c));
  }
  getValue(): CellValue {
    this.app.count('getValue', 'read');
    return this.valueAt(this.row, this.column);
  }
  /**
   * getDisplayValues: what each cell shows, by its number format, in the
   * spreadsheet's locale and time zone (see displayValue in ./sheets-semantics).
   */
  getDisplayValues(): string[][] {
    this.app.count('getDisplayValues', 'read');
    const { locale, timeZone } = this.sheet.parent;
    return this.grid((r, c) => (this.sheet.covered(r, c) ? '' : displayValue(this.sheet.cell(r, c), this.sheet.format(r, c), locale, timeZone)));
  }
  getDisplayValue(): string {
    this.app.count('getDisplayValue', 'read');
    const { locale, timeZone } = this.sheet.parent;
    return this.sheet.covered(this.row, this.column) ? '' : displayValue(this.sheet.cell(this.row, this.column), this.sheet.format(this.row, this.column), locale, timeZone);
  }
  /**
   * What getValues gives for one cell. A date is a number with a date format in
   * Sheets (DateTimeRenderOption SERIAL_NUMBER: days since 30 December 1899), so
   * a number in a date-formatted cell reads as a Date (0 → 30/12/1899) and a
   * date in a number-formatted cell reads as its serial number; a percent cell
   * holds the fraction (50% is 0.5). Covered cells of a merge read "".
   */
  private valueAt(row: number, column: number): CellValue {
    if (this.sheet.covered(row, column)) return '';
    const value = this.sheet.cell(row, column);
    const format = this.sheet.format(row, column);
    const zone = this.sheet.parent.timeZone;
    if (typeof value === 'number' && isDateFormat(format)) return this.app.realmDate(serialToInstant(value, zone));
    if (isDate(value) && isNumberFormat(format)) return instantToSerial(value.getTime(), zone);
    return this.toRealm(value);
  }
  setValues(values: unknown[][]): FakeRange {
    this.app.count('setValues', 'write');
    this.writable();
    this.checkShape(values);
    values.forEach((line, r) => line.forEach((v, c) => this.storeCell(this.row + r, this.column + c, v)));
    return this;
  }
  getFormulas(): string[][] {
    this.app.count('getFormulas', 'read');
    const formulas = this.sheet.meta('formula');
    return this.grid((r, c) => (this.sheet.covered(r, c) ? '' : ((formulas.get(`${r},${c}`) as string | undefined) ?? '')));
  }
  /**
   * One value written by setValue(s). Strings are parsed as typed input (see
   * parseTyped in ./sheets-semantics: locale numbers, percents, dates,
   * booleans, formulas; a leading ' or a plain-text cell keeps text). A typed
   * date or percent gives an automatic cell its format, as in Sheets. A value
   * written into a covered cell of a merge is not kept (Sheets: "Merging cells
   * will only preserve the top-leftmost value").
   */
  private storeCell(row: number, column: number, value: unknown): void {
    if (this.sheet.covered(row, column)) return;
    const key = `${row},${column}`;
    const formulas = this.sheet.meta('formula');
    formulas.delete(key);
    if (typeof value !== 'string') {
      this.sheet.setCell(row, column, storeValue(value));
      return;
    }
    const { locale, timeZone } = this.sheet.parent;
    const parsed = parseTyped(value, this.sheet.format(row, column), locale, timeZone, this.app.now());
    if (parsed.formula !== undefined) {
      formulas.set(key, parsed.formula);
      this.sheet.setCell(row, column, FORMULA_RESULT);
      return;
    }
    if (parsed.autoFormat && this.sheet.format(row, column) === '') this.sheet.meta('numberFormat').set(key, parsed.autoFormat);
    this.sheet.setCell(row, column, parsed.value === null ? '' : parsed.value);
  }
  setValue(value: unknown): FakeRange {
    this.app.count('setValue', 'write');
    this.writable();
    for (let r = 0; r < this.numRows; r += 1) for (let c = 0; c < this.numColumns; c += 1) this.storeCell(this.row + r, this.column + c, value);
    return this;
  }
  clearContent(): FakeRange {
    this.app.count('clearContent', 'write');
    this.writable();
    this.eachCell((r, c) => this.sheet.setCell(r, c, ''));
    return this;
  }
  /**
   * merge / breakApart / getMergedRanges / isPartOfMerge
   * (https://developers.google.com/apps-script/reference/spreadsheet/range#merge()).
   * Merging keeps only the top-left value (Sheets: "Merging cells will only
   * preserve the top-leftmost value"); a range that cuts through another merge
   * is refused with Apps Script's message.
   */
  merge(): FakeRange {
    this.app.count('merge', 'write');
    this.writable();
    const overlapping = this.sheet.merges.filter((m) => this.intersects(m));
    if (overlapping.some((m) => !this.contains(m))) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    for (const m of overlapping) this.sheet.merges.splice(this.sheet.merges.indexOf(m), 1);
    this.eachCell((r, c) => {
      if (r === this.row && c === this.column) return;
      this.sheet.setCell(r, c, '');
      this.sheet.meta('formula').delete(`${r},${c}`);
    });
    if (this.numRows * this.numColumns > 1) this.sheet.merges.push({ row: this.row, column: this.column, rows: this.numRows, columns: this.numColumns });
    return this;
  }
  breakApart(): FakeRange {
    this.app.count('breakApart', 'write');
    this.writable();
    const overlapping = this.sheet.merges.filter((m) => this.intersects(m));
    if (overlapping.some((m) => !this.contains(m))) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    for (const m of overlapping) this.sheet.merges.splice(this.sheet.merges.indexOf(m), 1);
    return this;
  }
  getMergedRanges(): FakeRange[] {
    this.app.count('getMergedRanges', 'read');
    return this.sheet.merges.filter((m) => this.intersects(m)).map((m) => new FakeRange(this.sheet, m.row, m.column, m.rows, m.columns));
  }
  isPartOfMerge(): boolean {
    this.app.count('isPartOfMerge', 'read');
    return this.sheet.merges.some((m) => this.intersects(m));
  }
  private intersects(m: { row: number; column: number; rows: number; columns: number }): boolean {
    return m.row <= this.getLastRow() && m.row + m.rows - 1 >= this.row && m.column <= this.getLastColumn() && m.column + m.columns - 1 >= this.column;
  }
  private contains(m: { row: number; column: number; rows: number; columns: number }): boolean {
    return m.row >= this.row && m.row + m.rows - 1 <= this.getLastRow() && m.column >= this.column && m.column + m.columns - 1 <= this.getLastColumn();
  }

  clear(): FakeRange {
    this.app.count('clear', 'write');
    this.writable();
    this.eachCell((r, c) => {
      this.sheet.setCell(r, c, '');
      for (const kind of ['note', 'background', 'fontWeight', 'numberFormat', 'validation', 'formula'] as const) this.sheet.meta(kind).delete(`${r},${c}`);
    });
    return this;
  }

  getNotes(): string[][] {
    return this.getMeta('getNotes', 'note', '') as string[][];
  }
  setNotes(notes: string[][]): FakeRange {
    return this.setMeta('setNotes', 'note', notes);
  }
  setNote(note: string): FakeRange {
    return this.setMetaAll('setNote', 'note', note);
  }
  getBackgrounds(): string[][] {
    return this.getMeta('getBackgrounds', 'background', '#ffffff') as string[][];
  }
  setBackgrounds(colors: string[][]): FakeRange {
    return this.setMeta('setBackgrounds', 'background', colors);
  }
  setBackground(color: string): FakeRange {
    return this.setMetaAll('setBackground', 'background', color);
  }
  getFontWeights(): string[][] {
    return this.getMeta('getFontWeights', 'fontWeight', 'normal') as string[][];
  }
  setFontWeight(weight: string): FakeRange {
    return this.setMetaAll('setFontWeight', 'fontWeight', weight);
  }
  setFontWeights(weights: string[][]): FakeRange {
    return this.setMeta('setFontWeights', 'fontWeight', weights);
  }
  getNumberFormats(): string[][] {
    return this.getMeta('getNumberFormats', 'numberFormat', '') as string[][];
  }
  setNumberFormat(format: string): FakeRange {
    return this.setMetaAll('setNumberFormat', 'numberFormat', format);
  }
  setNumberFormats(formats: string[][]): FakeRange {
    return this.setMeta('setNumberFormats', 'numberFormat', formats);
  }
  getDataValidations(): unknown[][] {
    return this.getMeta('getDataValidations', 'validation', null);
  }
  setDataValidation(rule: unknown): FakeRange {
    return this.setMetaAll('setDataValidation', 'validation', rule);
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) => Array.from({ length: this.numColumns }, (_, c) => cell(this.row + r, this.column + c)));
  }
  private eachCell(fn: (row: number, column: number) => void): void {
    for (let r = 0; r < this.numRows; r += 1) for (let c = 0; c < this.numColumns; c += 1) fn(this.row + r, this.column + c);
  }
  private toRealm(value: CellValue): CellValue {
    return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]'
      ? this.app.realmDate((value as Date).getTime())
      : value;
  }
  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.some((line) => !Array.isArray(line))) {
      throw new Error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    }
    if (values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const line of values) {
      if (line.length !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numColumns}.`);
      }
    }
  }
  private getMeta(method: string, kind: Parameters<FakeSheet['meta']>[0], empty: unknown): unknown[][] {
    this.app.count(method, 'read');
    const map = this.sheet.meta(kind);
    return this.grid((r, c) => (map.has(`${r},${c}`) ? map.get(`${r},${c}`) : empty));
  }
  private setMeta(method: string, kind: Parameters<FakeSheet['meta']>[0], values: unknown[][]): FakeRange {
    this.app.count(method, 'write');
    this.writable();
    this.checkShape(values);
    const map = this.sheet.meta(kind);
    const empty = META_DEFAULTS[kind];
    // A default (null colour, normal weight, empty note) is the same as no entry: store only the rest.
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const key = `${this.row + r},${this.column + c}`;
        if (v === null || v === empty) map.delete(key);
        else map.set(key, v);
      }),
    );
    return this;
  }
  private setMetaAll(method: string, kind: Parameters<FakeSheet['meta']>[0], value: unknown): FakeRange {
    this.app.count(method, 'write');
    this.writable();
    const map = this.sheet.meta(kind);
    this.eachCell((r, c) => map.set(`${r},${c}`, value));
    return this;
  }
}

export interface FakeDataValidation {
  criteria: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE';
  values: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidationBuilder {
  private rule: FakeDataValidation = { criteria: 'VALUE_IN_LIST', values: [], showDropdown: true, allowInvalid: true, helpText: '' };
  requireValueInList(values: unknown[], showDropdown = true): FakeDataValidationBuilder {
    this.rule = { ...this.rule, criteria: 'VALUE_IN_LIST', values: values.slice(), showDropdown };
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    this.rule = { ...this.rule, criteria: 'VALUE_IN_RANGE', values: [`${range.getSheet().getName()}!${range.getA1Notation()}`], showDropdown };
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): FakeDataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid };
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.rule = { ...this.rule, helpText };
    return this;
  }
  build(): FakeDataValidation {
    return { ...this.rule };
  }
}

export class FakeUi {
  readonly ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });
  readonly Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });
  /** Answers the next prompts will get, set by tests. */
  readonly promptAnswers: Array<{ button: string; text: string }> = [];
  readonly prompts: string[] = [];
  prompt(text: string, _buttons?: string): { getSelectedButton(): string; getResponseText(): string } {
    this.prompts.push(text);
    const answer = this.promptAnswers.shift() ?? { button: 'CLOSE', text: '' };
    return { getSelectedButton: () => answer.button, getResponseText: () => answer.text };
  }
  readonly menus: Array<{ title: string; items: Array<{ caption: string; functionName: string }> }> = [];
  readonly sidebars: Array<{ title: string; content: string }> = [];
  readonly modalDialogs: Array<{ title: string; content: string; width: number; height: number }> = [];
  readonly alerts: string[] = [];

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, 'Pantau KKMP');
  }
  createMenu(title: string): FakeMenu {
    return new FakeMenu(this, title);
  }
  showSidebar(output: { getTitle(): string; getContent(): string }): void {
    this.sidebars.push({ title: output.getTitle(), content: output.getContent() });
  }
  showModalDialog(output: { getTitle(): string; getContent(): string; getWidth(): number; getHeight(): number }, title: string): void {
    this.modalDialogs.push({ title, content: output.getContent(), width: output.getWidth(), height: output.getHeight() });
  }
  alert(message: string): string {
    this.alerts.push(message);
    return 'OK';
  }
}

export class FakeMenu {
  private readonly items: Array<{ caption: string; functionName: string }> = [];
  constructor(private readonly ui: FakeUi, private readonly title: string) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    return this;
  }
  addToUi(): void {
    this.ui.menus.push({ title: this.title, items: this.items.slice() });
  }
}

/**
 * A value that is not a string, as a sheet stores it: null and undefined as
 * empty, numbers, booleans and Dates as themselves (a formula cannot be
 * computed by this fake: it reads back as #ERROR!, see storeCell).
 */
function storeValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (isDate(value)) return new Date(value.getTime());
  return String(value);
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  return letters.split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** `B2`, `A1:C3` (absolute `$` allowed). */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error('Range not found');
  const c1 = columnNumber((match[1] as string).toUpperCase());
  const r1 = Number(match[2]);
  const c2 = match[3] ? columnNumber(match[3].toUpperCase()) : c1;
  const r2 = match[4] ? Number(match[4]) : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
