/**
 * A minimal fake of Sheets' embedded charts, as Apps Script documents them:
 *
 * - `Sheet.newChart()` returns an EmbeddedChartBuilder; nothing appears on
 *   the sheet until `Sheet.insertChart(chart)` is called with the built chart
 *   (https://developers.google.com/apps-script/reference/spreadsheet/sheet#newChart()
 *   and #insertChart(EmbeddedChart)).
 * - The builder: `addRange(range)`, `asLineChart()` / `asColumnChart()` (set the
 *   chart type and return the type's builder, which has every method of the
 *   base builder), `setOption(option, value)`, `setNumHeaders(n)`,
 *   `setPosition(anchorRowPos, anchorColPos, offsetX, offsetY)`, `build()`
 *   (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).
 * - `EmbeddedChart`: `getRanges()`, `getOptions().get(option)`,
 *   `getContainerInfo()` (anchor row and column), `getChartId()`, `modify()`
 *   (a builder whose changes are saved only by `Sheet.updateChart(chart)`)
 *   (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart).
 * - `Sheet.getCharts()` lists the charts on the sheet; `Sheet.removeChart(chart)`
 *   removes one (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getCharts()).
 *
 * A chart refers to its ranges, not to a copy of their values: Sheets redraws
 * it when the cells change, so tests read the data through `getRanges()`.
 * Nothing here draws; the type is kept as the `Charts.ChartType` name.
 */
import type { FakeRange, FakeSheet } from './spreadsheet-app';

export type FakeChartType = 'LINE' | 'COLUMN' | 'BAR' | 'AREA' | 'PIE' | 'SCATTER' | 'TABLE' | 'COMBO' | 'HISTOGRAM';

interface ChartState {
  type: FakeChartType | null;
  ranges: FakeRange[];
  options: Map<string, unknown>;
  numHeaders: number;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

let nextChartId = 1;

export class FakeEmbeddedChart {
  constructor(readonly sheet: FakeSheet, readonly state: Readonly<ChartState>, private readonly id: number) {}

  getChartId(): number {
    return this.id;
  }
  getRanges(): FakeRange[] {
    return this.state.ranges.slice();
  }
  getOptions(): { get(option: string): unknown } {
    return { get: (option) => this.state.options.get(option) ?? null };
  }
  getNumHeaders(): number {
    return this.state.numHeaders;
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.state.position;
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  /** Test helper: the chart type (Charts.ChartType name). */
  getType(): FakeChartType | null {
    return this.state.type;
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.sheet, this.state, this.id);
  }
}

export class FakeEmbeddedChartBuilder {
  private readonly state: ChartState;

  constructor(private readonly sheet: FakeSheet, from?: Readonly<ChartState>, private readonly id: number = nextChartId++) {
    this.state = from
      ? { type: from.type, ranges: from.ranges.slice(), options: new Map(from.options), numHeaders: from.numHeaders, position: { ...from.position } }
      : { type: null, ranges: [], options: new Map(), numHeaders: -1, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } };
  }

  addRange(range: FakeRange): this {
    this.state.ranges.push(range);
    return this;
  }
  clearRanges(): this {
    this.state.ranges.length = 0;
    return this;
  }
  asLineChart(): this {
    this.state.type = 'LINE';
    return this;
  }
  asColumnChart(): this {
    this.state.type = 'COLUMN';
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.state.options.set(option, value);
    return this;
  }
  setNumHeaders(headers: number): this {
    this.state.numHeaders = headers;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  getChartType(): FakeChartType | null {
    return this.state.type;
  }
  getRanges(): FakeRange[] {
    return this.state.ranges.slice();
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this.sheet, { ...this.state, ranges: this.state.ranges.slice(), options: new Map(this.state.options) }, this.id);
  }
}

/** The charts of one sheet, in the order they were inserted. */
export class FakeChartList {
  readonly charts: FakeEmbeddedChart[] = [];

  insert(chart: FakeEmbeddedChart): void {
    this.charts.push(chart);
  }
  remove(chart: FakeEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.getChartId() === chart.getChartId());
    if (i >= 0) this.charts.splice(i, 1);
  }
  /** updateChart: replaces the chart of the same id with its rebuilt state. */
  update(chart: FakeEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.getChartId() === chart.getChartId());
    if (i >= 0) this.charts[i] = chart;
  }
}
