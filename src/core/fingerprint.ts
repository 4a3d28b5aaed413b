/**
 * The fingerprint of one reading of the workbook: a hash of every value of
 * every sheet a check reads (sheet names, positions, types and values), the
 * rules version and the check date. Two parts of one "Periksa semua" belong to
 * the same run only when they read the same fingerprint; a sort, an edit, an
 * added or removed row, other rules or another day all change it. Also used as
 * a checksum of staged rows, so a staging sheet that does not read back exactly
 * as written is never used.
 *
 * Pure and streaming (no big string is built): two independent 32-bit
 * multiply-xor lanes over the values' characters, 64 bits in all. Not a
 * cryptographic hash: it guards against accidental change, not an adversary.
 */

/** A value as Sheets' getValues() gives it (string, number, boolean, Date, "" for empty). */
type Cell = unknown;

// Built-ins bound once: this runs over every cell of the workbook, and a global
// lookup per character is slow where globals are intercepted (the sandbox).
const imul = Math.imul;
const objectTag = Object.prototype.toString;
const isNegativeZero = (value: number): boolean => value === 0 && 1 / value < 0;

export class Fingerprinter {
  private a = 0x811c9dc5;
  private b = 0x2f6b7d2d;

  /** Adds one character code (0…65535) to both lanes. */
  private mix(code: number): void {
    this.a = imul(this.a ^ code, 0x01000193);
    const b = imul(this.b ^ code, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  /** A text, length first, so ["ab", "c"] and ["a", "bc"] differ. */
  text(value: string): this {
    const length = `${value.length}`;
    for (let i = 0; i < length.length; i += 1) this.mix(length.charCodeAt(i));
    this.mix(58); // ':'
    // The two lanes inline (this loop sees every character of the workbook).
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < value.length; i += 1) {
      const code = value.charCodeAt(i);
      a = imul(a ^ code, 0x01000193);
      b = imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** One cell, tagged by type: the text "1" and the number 1 differ, as do a Date and its time in ms. */
  cell(value: Cell): this {
    if (typeof value === 'string') return this.tag(115).text(value); // s
    if (typeof value === 'number') return this.tag(110).text(isNegativeZero(value) ? '-0' : `${value}`); // n
    if (typeof value === 'boolean') return this.tag(value ? 116 : 102); // t / f
    if (value === null || value === undefined) return this.tag(117); // u
    if (objectTag.call(value) === '[object Date]') return this.tag(100).text(`${(value as Date).getTime()}`); // d
    return this.tag(111).text(`${value as string}`); // o
  }

  /** A row of cells; its length counts (a trailing "" cell is part of the read). */
  row(cells: readonly Cell[]): this {
    this.tag(82).text(`${cells.length}`); // R
    for (const value of cells) this.cell(value);
    return this;
  }

  private tag(code: number): this {
    this.mix(code);
    return this;
  }

  /** 16 hex digits. */
  digest(): string {
    return `${(this.a >>> 0).toString(16).padStart(8, '0')}${(this.b >>> 0).toString(16).padStart(8, '0')}`;
  }
}

/** The sheets of one read, as the check got them. */
export interface SheetRead {
  name: string;
  values: readonly (readonly Cell[])[];
}

/**
 * The fingerprint of one run: every value of `sheets` (in order), the rules
 * version and the check date (YYYY-MM-DD). Shown in Hasil Pemeriksaan as
 * "Sidik data", e.g. `f-3a09c1d2e4b5f607`.
 */
export function runFingerprint(sheets: readonly SheetRead[], rulesVersion: string, asOf: string): string {
  const hash = new Fingerprinter().text(rulesVersion).text(asOf).text(`${sheets.length}`);
  for (const sheet of sheets) {
    hash.text(sheet.name).text(`${sheet.values.length}`);
    for (const row of sheet.values) hash.row(row);
  }
  return `f-${hash.digest()}`;
}

/** A checksum of rows (staged results): equal only when every cell reads back equal, type included. */
export function rowsChecksum(rows: readonly (readonly Cell[])[]): string {
  const hash = new Fingerprinter().text(`${rows.length}`);
  for (const row of rows) hash.row(row);
  return `c-${hash.digest()}`;
}
