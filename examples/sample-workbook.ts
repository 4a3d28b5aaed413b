/**
 * The sample workbook examples/balikpapan.xlsx as `npm run sample` writes it:
 * the register, RAT log, mentors and parameters from ./balikpapan-data.ts,
 * and the mentors' visit log `Kunjungan` from ./visits-data.ts (same layout
 * as *Siapkan buku kerja* makes: bold frozen header, dates as dates), and a
 * year of fortnightly checks in `Riwayat` from ./balikpapan-history.ts.
 */
import type ExcelJS from 'exceljs';
import { inputWorkbook } from '../src/cli/xlsx-workbook';
import { SHEETS, VISIT_COLUMNS } from '../src/core/workbook/columns';
import { tableRows } from '../src/core/workbook/table-rows';
import { balikpapanSample } from './balikpapan-data';
import { sampleVisits } from './visits-data';
import { putHistorySheet } from '../src/cli/history-file';
import { historyHeader, historyRows } from '../src/core/history/history-row';
import { sampleHistory } from './balikpapan-history';

export function sampleWorkbook(): ExcelJS.Workbook {
  const workbook = inputWorkbook(balikpapanSample());
  const sheet = workbook.addWorksheet(SHEETS.visits, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(tableRows(VISIT_COLUMNS, sampleVisits(), (iso) => new Date(`${iso}T00:00:00Z`)));
  sheet.getRow(1).font = { bold: true };
  VISIT_COLUMNS.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.round((column.width ?? 140) / 7);
    if (column.kind === 'date') col.numFmt = 'dd/mm/yyyy';
  });
  putHistorySheet(workbook, historyHeader(), historyRows(sampleHistory(), historyHeader()));
  return workbook;
}
