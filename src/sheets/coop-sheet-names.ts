/**
 * The names a co-op sheet may not take: every sheet the workbook contract
 * gives a meaning (shared/workbook.md) — the tables people keep, and the
 * sheets the add-on owns and rewrites. A co-op whose ID equals one of them
 * would otherwise have its profile written over that sheet. Sheets compares
 * sheet names without regard to case (getSheetByName, and two names that
 * differ only in case cannot coexist), so this does too.
 */
import { SHEETS } from '../core/workbook/columns';

/** Sheets of the contract that are not in SHEETS (yet): rule cases, visits, history, charts, report. */
const OTHER_CONTRACT_SHEETS = ['Uji Aturan', 'Kunjungan', 'Riwayat', 'Grafik', 'Laporan'] as const;

const RESERVED: ReadonlySet<string> = new Set([...Object.values(SHEETS), ...OTHER_CONTRACT_SHEETS].map((name) => nameKey(name)));

/** How Sheets compares sheet names: case ignored (surrounding spaces ignored here too, to be safe). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether a co-op sheet may not be called `name`. */
export function isReservedSheetName(name: string): boolean {
  return RESERVED.has(nameKey(name));
}
