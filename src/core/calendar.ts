/**
 * Calendar dates as the core sees them: ISO `YYYY-MM-DD` text at the edges
 * (JSON-safe, time-zone free) and whole day numbers (days since 1970-01-01)
 * inside, because json-rules-engine's operators compare numbers.
 *
 * Why a module of its own: every deadline in the domain ("6 months after the
 * book year", "within one month of the meeting") is calendar arithmetic, and
 * it must not depend on the machine's time zone or on an implicit "now".
 */
import type { IsoDate } from '../shared/types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid calendar date, or null. */
export function dayFromParts(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year >= 100) return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Day number of an ISO date, or null when the text is not a real date. */
export function dayFromIso(iso: IsoDate | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Calendar parts of a day number. */
export function partsFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO text of a day number. */
export function isoFromDay(dayNumber: number): IsoDate {
  const { year, month, day } = partsFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `dd/mm/yyyy`, the way Indonesian staff write dates. */
export function displayFromDay(dayNumber: number): string {
  const { year, month, day } = partsFromDay(dayNumber);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] as number);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Last day of the month that lies `months` after the month of (year, month). */
export function endOfMonthAfter(year: number, month: number, months: number): number {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromParts(targetYear, targetMonth, daysInMonth(targetYear, targetMonth)) as number;
}

/**
 * The same day of the month `months` later (or earlier, if negative), clamped
 * to the month's last day: 31 January + 1 month = 28 or 29 February.
 */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = partsFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))) as number;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
