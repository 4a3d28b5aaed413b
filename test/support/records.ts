/**
 * Builders for co-op records, meetings and mentors in tests: a co-op that
 * passes every check, so each test states only what it changes.
 */
import type { CheckInput, CoopRecord, Mentor, RatMeeting } from '../../src/shared/types';

export const AS_OF = '2026-11-24';

export function coop(overrides: Partial<CoopRecord> = {}): CoopRecord {
  return {
    id: 'KKMP-BPP-01',
    name: 'Koperasi Kelurahan Merah Putih Graha Indah',
    kelurahan: 'Graha Indah',
    kecamatan: 'Balikpapan Utara',
    deedNumber: '15',
    deedDate: '2025-07-10',
    notary: 'Notaris Contoh, S.H., M.Kn.',
    skAhuNumber: 'AHU-0012345.AH.01.29.TAHUN 2025',
    skAhuDate: '2025-07-20',
    nib: '9120001234567',
    npwp: '12.345.678.9-012.000',
    nikKoperasi: '6471010001',
    bankAccount: true,
    simkopdesAccount: true,
    members: 25,
    ownCapital: 50_000_000,
    spCapital: 600_000_000,
    ratQuorumPercent: null,
    mentorId: 'PD-01',
    separateBooks: true,
    workPlan3y: true,
    spLicence: true,
    competentManager: true,
    office: true,
    auditedReport: true,
    outletStatus: 'Belum',
    partners: null,
    businessProposal: true,
    mayorApproval: true,
    unreadable: [],
    ...overrides,
  };
}

export function meeting(overrides: Partial<RatMeeting> = {}): RatMeeting {
  return { coopId: 'KKMP-BPP-01', bookYear: 2025, heldOn: '2026-04-15', membersPresent: 15, members: 25, reportedOn: '2026-05-10', ...overrides };
}

export function mentor(overrides: Partial<Mentor> = {}): Mentor {
  return { id: 'PD-01', name: 'Pendamping Satu', skills: 'usaha; keuangan', startsOn: '2026-01-01', endsOn: '2026-12-31', ...overrides };
}

/** Other co-ops assigned to the same mentor, to give that mentor a load. */
export function othersWithMentor(count: number, mentorId = 'PD-01'): CoopRecord[] {
  return Array.from({ length: count }, (_, i) => coop({ id: `LAIN-${i + 1}`, mentorId }));
}

export function input(parts: Partial<CheckInput> = {}): CheckInput {
  return { asOf: AS_OF, coops: [coop()], meetings: [meeting()], mentors: [mentor()], ...parts };
}
