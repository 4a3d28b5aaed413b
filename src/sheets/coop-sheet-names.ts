/**
 * The names a co-op sheet may not take: every sheet the workbook contract
 * gives a meaning (shared/workbook.md) — the tables people keep, and the
 * sheets the add-on owns and rewrites. A co-op whose ID equals one of them
 * would otherwise have its profile written over that sheet. Sheets compares
 * sheet names without regard to case (getSheetByName, and two names that
 * differ only in case cannot coexist), so this does too.
 */
import { SHEETS } from '../core/workbook/columns';

/** Sheets of the contract that are not in SHEETS (yet): rule cases, history, charts, report. */
const OTHER_CONTRACT_SHEETS = ['Uji Aturan', 'Riwayat', 'Grafik', 'Laporan'] as const;
/** The mentors' report sheets the add-on writes (src/sheets/mentor-reports.ts): `Laporan PD-03 2026-10`, `Rekap Pendamping 2026-10`, `Evaluasi PD-03`. */
const REPORT_PREFIXES = ['Laporan ', 'Rekap Pendamping ', 'Evaluasi '].map((prefix) => prefix.toLowerCase());

const RESERVED: ReadonlySet<string> = new Set([...Object.values(SHEETS), ...OTHER_CONTRACT_SHEETS].map((name) => nameKey(name)));

/** How Sheets compares sheet names: case ignored (surrounding spaces ignored here too, to be safe). */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether a co-op sheet may not be called `name`. */
export function isReservedSheetName(name: string): boolean {
  const key = nameKey(name);
  return RESERVED.has(key) || REPORT_PREFIXES.some((prefix) => key.startsWith(prefix));
}
