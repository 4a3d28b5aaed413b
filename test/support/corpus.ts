/**
 * A seeded generator of varied check inputs — blank, odd and extreme values
 * included — for differential and property tests. Same seed, same corpus.
 */
import type { CheckInput, CoopRecord, Mentor, RatMeeting } from '../../src/shared/types';
import { isoFromDay, dayFromParts } from '../../src/core/calendar';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateInput(seed: number, coopCount: number, mentorCount = Math.max(1, Math.round(coopCount / 5))): CheckInput {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const maybe = <T>(value: T, chance = 0.8): T | null => (random() < chance ? value : null);
  const day = (fromYear: number, toYear: number): string =>
    isoFromDay((dayFromParts(fromYear, 1, 1) as number) + Math.floor(random() * 365 * (toYear - fromYear + 1)));
  const bool = (): boolean | null => pick([true, true, false, null]);
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, i) => ({
    id: `PD-${String(i + 1).padStart(2, '0')}`,
    name: `Pendamping ${i + 1}`,
    skills: null,
    startsOn: maybe(day(2025, 2026), 0.9),
    endsOn: maybe(day(2026, 2027), 0.8),
  }));
  const coops: CoopRecord[] = [];
  const meetings: RatMeeting[] = [];
  for (let i = 0; i < coopCount; i += 1) {
    const id = `KOP-${i + 1}`;
    const deedDate = maybe(day(2015, 2026), 0.85);
    const members = maybe(Math.floor(random() * 60), 0.9);
    coops.push({
      id,
      name: `Koperasi ${i + 1}`,
      kelurahan: null,
      kecamatan: null,
      deedNumber: maybe(String(i + 1), 0.8),
      deedDate,
      notary: null,
      skAhuNumber: maybe(`AHU-${i}`, 0.7),
      skAhuDate: maybe(day(2015, 2027), 0.7),
      nib: pick([null, '9120001234567', '912000123456', '9120 0012 3456 7', 'abc']),
      npwp: maybe('12.345', 0.6),
      nikKoperasi: maybe('647', 0.5),
      bankAccount: bool(),
      simkopdesAccount: bool(),
      members,
      ownCapital: null,
      spCapital: pick([null, 0, 120_000_000, 500_000_000, 499_999_999, 2_000_000_000]),
      ratQuorumPercent: pick([null, null, 20, 50, 66.7]),
      mentorId: random() < 0.8 ? pick(mentors).id : pick([null, 'PD-99', ' pd-01 ']),
      separateBooks: bool(),
      workPlan3y: bool(),
      businessProposal: bool(),
      mayorApproval: pick([true, false, null]),
      spLicence: bool(),
      competentManager: bool(),
      office: bool(),
      auditedReport: bool(),
      outletStatus: null,
      partners: null,
      unreadable: [],
    });
    for (const bookYear of [2023, 2024, 2025]) {
      if (random() < 0.35) continue;
      meetings.push({
        coopId: random() < 0.97 ? id : 'KOP-UNKNOWN',
        bookYear: random() < 0.98 ? bookYear : null,
        heldOn: maybe(day(bookYear, bookYear + 1), 0.85),
        membersPresent: maybe(Math.floor(random() * 40), 0.9),
        members: maybe(members ?? 20, 0.7),
        reportedOn: maybe(day(bookYear + 1, bookYear + 1), 0.6),
      });
    }
  }
  return { asOf: pick(['2026-11-24', '2026-06-30', '2026-07-01', '2026-03-30', '2028-02-29']), coops, meetings, mentors };
}
