/**
 * A fake of SpreadsheetApp that follows Apps Script's documented behaviour:
 * 1-based `getRange(row, column, numRows, numColumns)` and A1 notation,
 * `getValues()` giving numbers, booleans, `Date` (of the script's own realm)
 * and `""` for empty cells, `setValues()` rejecting a wrongly sized array with
 * Apps Script's message, ranges outside the sheet rejected, `getLastRow()` /
 * `getLastColumn()` of the content. It counts Range reads and writes so tests
 * can assert that work is batched.
 */
import { FakeChartList, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './embedded-chart';

export type CellValue = string | number | boolean | Date;

export interface RangeCallCounts {
  reads: number;
  writes: number;
  byMethod: Record<string, number>;
}

export class FakeSpreadsheetApp {
  readonly counts: RangeCallCounts = { reads: 0, writes: 0, byMethod: {} };
  /** Makes a `Date` of the sandbox's realm, as Apps Script's own values are. */
  realmDate: (time: number) => Date = (time) => new Date(time);
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
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
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
  maxRows = 1000;
  maxColumns = 26;
  /** A protected sheet: writes fail with Apps Script's message. */
  protected = false;

  constructor(readonly parent: FakeSpreadsheet, private name: string, private readonly id: number) {}

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
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
    return JSON.stringify({ cells: this.cells, meta, frozen: this.frozenRows });
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
    return this.grid((r, c) => this.toRealm(this.sheet.cell(r, c)));
  }
  getValue(): CellValue {
    this.app.count('getValue', 'read');
    return this.toRealm(this.sheet.cell(this.row, this.column));
  }
  getDisplayValues(): string[][] {
    this.app.count('getDisplayValues', 'read');
    return this.grid((r, c) => display(this.sheet.cell(r, c)));
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
    return this.grid((r, c) => (formulas.get(`${r},${c}`) as string | undefined) ?? '');
  }
  private storeCell(row: number, column: number, value: unknown): void {
    const formulas = this.sheet.meta('formula');
    if (typeof value === 'string' && value.startsWith('=')) formulas.set(`${row},${column}`, value);
    else formulas.delete(`${row},${column}`);
    this.sheet.setCell(row, column, storeValue(value));
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
 * Values as a sheet stores them: null and undefined as empty; a string that
 * starts with "'" is text without the apostrophe; a string that starts with "="
 * is a formula, which this fake cannot compute: it reads back as #ERROR!.
 */
function storeValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value.startsWith("'")) return value.slice(1);
  if (typeof value === 'string' && value.startsWith('=')) return FORMULA_RESULT;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return String(value);
}

function display(value: CellValue): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  }
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
