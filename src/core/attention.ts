/**
 * What comes first on the dashboard, and how the list is narrowed. Each
 * co-op is kept as a small digest (its statuses, the earliest date its next
 * steps are due, where it lives) so that ordering and filtering thousands of
 * co-ops needs no re-check. Pure and generic over the checks a run has.
 *
 * Order: a hard failure (a red status) or an overdue next step first — the
 * more red checks the earlier — then by the date a next step is due (oldest
 * and soonest first), then by how many checks are amber, then by ID. Which checks count is data:
 * rules/checks.json `attention` (readiness checks — savings and loans, bank
 * financing — show on each item but do not put a co-op on the list: nearly
 * every co-op is "not ready" for years, domain.md).
 */
import type { CheckResult, CoopResult, IsoDate, Severity } from '../shared/types';
import { countsForAttention } from './rule-data';

export interface CoopDigest {
  id: string;
  name: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  mentorId: string | null;
  members: number | null;
  /** Per check: [status code, severity]. */
  checks: Record<string, [string, Severity]>;
  /** The earliest date by which a next step of a compliance check is due (past = overdue), or null. */
  due: IsoDate | null;
  /** Where its data lives (sheet, 1-based row), to select it. */
  origin: { sheet: string; row: number } | null;
}

export function digestOf(result: CoopResult, record: { kelurahan: string | null; kecamatan: string | null; mentorId: string | null; members: number | null }, origin: CoopDigest['origin']): CoopDigest {
  const checks: CoopDigest['checks'] = {};
  let due: IsoDate | null = null;
  for (const [check, outcome] of Object.entries(result.checks) as Array<[string, CheckResult]>) {
    checks[check] = [outcome.status, outcome.severity];
    if (!countsForAttention(check)) continue;
    for (const reason of outcome.reasons) if (reason.due !== null && (due === null || reason.due < due)) due = reason.due;
  }
  return { id: result.coopId, name: result.name, kelurahan: record.kelurahan, kecamatan: record.kecamatan, mentorId: record.mentorId, members: record.members, checks, due, origin };
}

/** 0 = urgent (red or overdue), 1 = needs attention, 2 = fine. */
export function urgency(digest: CoopDigest, asOf: IsoDate): 0 | 1 | 2 {
  let amber = false;
  for (const [check, [, severity]] of Object.entries(digest.checks)) {
    if (!countsForAttention(check)) continue;
    if (severity === 'bad') return 0;
    if (severity === 'warn') amber = true;
  }
  if (!amber) return 2;
  return digest.due !== null && digest.due < asOf ? 0 : 1;
}

function severityCount(digest: CoopDigest, severity: Severity): number {
  return Object.values(digest.checks).filter(([, s]) => s === severity).length;
}

export interface AttentionQuery {
  /** Kecamatan name, or '' for all. */
  kecamatan?: string;
  /** Check ID, with `status` a status code of it (or `CODE.severity`), or '' for all. */
  check?: string;
  status?: string;
  /** Mentor ID, '-' for co-ops without one, or '' for all. */
  mentor?: string;
  /** Part of the ID, name or kelurahan (any case). */
  search?: string;
  offset?: number;
  limit?: number;
}

/**
 * The co-ops a query asks for, most urgent first. Without a status filter or
 * a search, only co-ops needing attention; with either, any co-op (a search
 * for a co-op that is fine should still find it).
 */
export function selectCoops(digests: readonly CoopDigest[], asOf: IsoDate, query: AttentionQuery): CoopDigest[] {
  const search = (query.search ?? '').trim().toLowerCase();
  const check = query.check ?? '';
  const status = query.status ?? '';
  const everyone = search !== '' || status !== '';
  const mentor = (query.mentor ?? '').trim().toUpperCase();
  const out = digests.filter((d) => {
    if (!everyone && urgency(d, asOf) === 2) return false;
    if (query.kecamatan && d.kecamatan !== query.kecamatan) return false;
    if (mentor === '-' ? d.mentorId !== null && d.mentorId.trim() !== '' : mentor !== '' && (d.mentorId ?? '').trim().toUpperCase() !== mentor) return false;
    if (check !== '') {
      const outcome = d.checks[check];
      if (!outcome) return false;
      if (status !== '' && outcome[0] !== status && `${outcome[0]}.${outcome[1]}` !== status) return false;
      if (status === '' && outcome[1] === 'ok') return false;
    }
    if (search !== '' && !`${d.id}\u0000${d.name ?? ''}\u0000${d.kelurahan ?? ''}`.toLowerCase().includes(search)) return false;
    return true;
  });
  return sortByUrgency(out, asOf);
}

/** Sorted most urgent first, each co-op's rank computed once. */
export function sortByUrgency(digests: readonly CoopDigest[], asOf: IsoDate): CoopDigest[] {
  const keyed = digests.map((d) => ({ d, u: urgency(d, asOf), bad: severityCount(d, 'bad'), warn: severityCount(d, 'warn') }));
  keyed.sort((a, b) => a.u - b.u || b.bad - a.bad || (a.d.due ?? '9999').localeCompare(b.d.due ?? '9999') || b.warn - a.warn || a.d.id.localeCompare(b.d.id));
  return keyed.map((k) => k.d);
}

/** The number of co-ops needing attention (red or amber in a compliance check). */
export function attentionCount(digests: readonly CoopDigest[], asOf: IsoDate): number {
  return digests.reduce((n, d) => n + (urgency(d, asOf) < 2 ? 1 : 0), 0);
}
