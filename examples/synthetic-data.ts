/**
 * Larger synthetic workbooks for benchmarks (never committed): n co-ops that
 * look like Balikpapan's — the same variation of papers, capital, RAT and
 * mentors — spread over the 34 kelurahan, with one mentor per ~4.5 co-ops and
 * about one co-op in eight uncovered. Deterministic for a given size.
 */
import { BALIKPAPAN } from '../src/core/workbook/balikpapan';
import type { CheckInput, CoopRecord, Mentor, RatMeeting } from '../src/shared/types';
import { MENTORS, SAMPLE_AS_OF, balikpapanSample } from './balikpapan-data';

export function syntheticInput(coopCount: number): CheckInput {
  const template = balikpapanSample();
  const kkmp = template.coops.slice(0, 34);
  const places = BALIKPAPAN.flatMap(([kecamatan, wards]) => wards.map((kelurahan) => [kelurahan, kecamatan] as const));
  const mentorCount = Math.max(1, Math.round(coopCount / 4.5));
  const mentors: Mentor[] = Array.from({ length: mentorCount }, (_, i) => ({
    ...(MENTORS[i % MENTORS.length] as Mentor),
    id: `PD-${String(i + 1).padStart(5, '0')}`,
  }));
  const coops: CoopRecord[] = [];
  const meetings: RatMeeting[] = [];
  const meetingsById = new Map(template.meetings.map((m) => [m.coopId, m]));
  for (let i = 0; i < coopCount; i += 1) {
    const base = kkmp[i % kkmp.length] as CoopRecord;
    const [kelurahan, kecamatan] = places[i % places.length] as readonly [string, string];
    const id = `KKMP-${String(i + 1).padStart(6, '0')}`;
    const mentorIndex = Math.floor(i / 4.5);
    coops.push({
      ...base,
      id,
      name: `Koperasi Kelurahan Merah Putih ${kelurahan} ${Math.floor(i / places.length) + 1}`,
      kelurahan,
      kecamatan,
      mentorId: i % 8 === 7 || mentorIndex >= mentorCount ? null : (mentors[mentorIndex] as Mentor).id,
      unreadable: [],
    });
    const meeting = meetingsById.get(base.id);
    if (meeting) meetings.push({ ...meeting, coopId: id });
  }
  return { asOf: SAMPLE_AS_OF, coops, meetings, mentors };
}
