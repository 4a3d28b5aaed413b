/**
 * The embedded-chart fake behaves as Apps Script documents: a built chart is
 * not on the sheet until insertChart; modify() changes nothing until
 * updateChart; removeChart takes it off; ranges are kept as references.
 * And Sheet.deleteColumns trims the grid.
 */
import { FakeSpreadsheetApp } from './spreadsheet-app';

describe('embedded chart fake', () => {
  const sheet = new FakeSpreadsheetApp().getActiveSpreadsheet().insertSheet('Grafik');

  test('newChart … build() is not on the sheet until insertChart', () => {
    const chart = sheet.newChart().asLineChart().addRange(sheet.getRange('A1:A4')).setOption('title', 'RAT').setPosition(2, 3, 0, 0).build();
    expect(sheet.getCharts()).toEqual([]);
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0]!.getType()).toBe('LINE');
    expect(sheet.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe('A1:A4');
    expect(sheet.getCharts()[0]!.getContainerInfo().getAnchorColumn()).toBe(3);
  });

  test('modify() changes nothing until updateChart; removeChart takes it off', () => {
    const [chart] = sheet.getCharts();
    const changed = chart!.modify().setOption('title', 'Baru').build();
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('RAT');
    sheet.updateChart(changed);
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Baru');
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
  });

  test('deleteColumns trims the grid and moves the cells to the right', () => {
    const other = new FakeSpreadsheetApp().getActiveSpreadsheet().insertSheet('Riwayat');
    other.seed([['a', 'b', 'c']]);
    expect(other.getMaxColumns()).toBe(26);
    other.deleteColumns(2, 1);
    expect(other.getMaxColumns()).toBe(25);
    expect(other.dump()).toEqual([['a', 'c']]);
  });
});
