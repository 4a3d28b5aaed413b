/**
 * Small charts as SVG text, drawn from numbers only (no network, no library):
 * a line chart of a percentage over time, a stacked bar of counts, and
 * stacked columns of counts over time. The printable report embeds them, and
 * the sidebar draws the same ones, so the page and the panel show the same
 * picture. Every text placed in the SVG is escaped. No other core module is
 * imported, so the sidebar's bundle stays small.
 */
import type { Severity } from '../../shared/types';

export const LEVEL_FILL: Readonly<Record<Severity, string>> = { ok: '#34a853', warn: '#f9ab00', bad: '#d93025' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * A line chart of percentages (0–100) with the first and last values labelled.
 * @param points oldest first; dates as YYYY-MM-DD
 */
export function percentLineSvg(points: ReadonlyArray<{ date: string; value: number }>, options: { width: number; height: number; colour: string; label: string; format: (value: number) => string }): string {
  const { width, height, colour } = options;
  const left = 26;
  const right = 34;
  const top = 8;
  const bottom = 16;
  const w = width - left - right;
  const hgt = height - top - bottom;
  const x = (i: number): number => left + (points.length <= 1 ? w : (i / (points.length - 1)) * w);
  const y = (v: number): number => top + hgt - (Math.max(0, Math.min(100, v)) / 100) * hgt;
  const grid = [0, 50, 100].map((v) => `<line x1="${left}" x2="${left + w}" y1="${y(v)}" y2="${y(v)}" stroke="#dadce0" stroke-width="0.5"/><text x="${left - 3}" y="${y(v) + 3}" font-size="7" text-anchor="end" fill="#5f6368">${v}</text>`).join('');
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const first = points[0];
  const dateLabel = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(2, 4)}`;
  const labels = first && last
    ? `<text x="${left}" y="${height - 4}" font-size="7" fill="#5f6368">${escapeXml(dateLabel(first.date))}</text><text x="${left + w}" y="${height - 4}" font-size="7" text-anchor="end" fill="#5f6368">${escapeXml(dateLabel(last.date))}</text>` +
      `<circle cx="${x(points.length - 1)}" cy="${y(last.value)}" r="2.2" fill="${colour}"/><text x="${x(points.length - 1) + 4}" y="${y(last.value) + 3}" font-size="8" font-weight="bold" fill="${colour}">${escapeXml(options.format(last.value))}%</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.label)}">${grid}<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.6"/>${labels}</svg>`;
}

/** One horizontal bar split by count, coloured by level; a segment wide enough shows its count. */
export function stackedBarSvg(parts: ReadonlyArray<{ count: number; level: Severity; label: string }>, options: { width: number; height: number }): string {
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  let at = 0;
  const rects = parts.filter((p) => p.count > 0).map((p) => {
    const w = total === 0 ? 0 : (p.count / total) * options.width;
    const rect = `<rect x="${at.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${options.height}" fill="${LEVEL_FILL[p.level]}"><title>${escapeXml(`${p.label}: ${p.count}`)}</title></rect>` +
      (w >= 14 ? `<text x="${(at + w / 2).toFixed(1)}" y="${options.height / 2 + 3}" font-size="8" text-anchor="middle" fill="#fff" font-weight="bold">${p.count}</text>` : '');
    at += w;
    return rect;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}">${rects || `<rect width="${options.width}" height="${options.height}" fill="#f1f3f4"/>`}</svg>`;
}

/**
 * Counts per status over time: one stacked column per check-all, coloured by
 * level (green at the bottom). For the sidebar's small per-check charts.
 */
export function stackedColumnsSvg(columns: ReadonlyArray<ReadonlyArray<{ count: number; level: Severity }>>, options: { width: number; height: number; label: string }): string {
  const max = Math.max(1, ...columns.map((parts) => parts.reduce((sum, p) => sum + p.count, 0)));
  const step = options.width / Math.max(1, columns.length);
  const w = Math.max(1, step - (step > 4 ? 1 : 0));
  const rects = columns.map((parts, i) => {
    let y = options.height;
    return [...parts].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)).map((p) => {
      const h = (p.count / max) * options.height;
      y -= h;
      return p.count > 0 ? `<rect x="${(i * step).toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${LEVEL_FILL[p.level]}"/>` : '';
    }).join('');
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${options.width}" height="${options.height}" viewBox="0 0 ${options.width} ${options.height}" role="img" aria-label="${escapeXml(options.label)}">${rects}</svg>`;
}

const LEVEL_ORDER: readonly Severity[] = ['ok', 'warn', 'bad'];
