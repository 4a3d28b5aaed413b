/**
 * The sample Balikpapan data, readable: the 34 KKMP with their real kelurahan
 * and kecamatan (Perda 7 and 8/2012), 7 mentors, a RAT log for book years 2024
 * and 2025, and a few other co-ops. Values are invented but follow
 * shared/domain.md: all deeds by July 2025, some follow-up papers missing,
 * outlets under construction in Graha Indah, Sepinggan Baru and Manggar, 7
 * co-ops trading with Bulog or Patra Niaga, mentors of 4–5 co-ops with some
 * co-ops uncovered, about 70 % RAT done, savings and loans mostly short of capital.
 *
 * Deterministic: the same file always gives the same records.
 */
import { BALIKPAPAN } from '../src/core/workbook/balikpapan';
import type { CheckInput, CoopRecord, Mentor, RatMeeting } from '../src/shared/types';

export const SAMPLE_AS_OF = '2026-11-24';


const OUTLETS_UNDER_CONSTRUCTION = new Set(['Graha Indah', 'Sepinggan Baru', 'Manggar']);
const TRADING: Readonly<Record<string, string>> = {
  'Graha Indah': 'Bulog; Patra Niaga',
  Damai: 'Bulog; Patra Niaga',
  'Baru Ulu': 'Bulog; Patra Niaga',
  Sepinggan: 'Bulog',
  'Muara Rapak': 'Patra Niaga',
  'Gunung Sari Ilir': 'Bulog',
  Lamaru: 'Patra Niaga',
};

export const MENTORS: Mentor[] = [
  { id: 'PD-01', name: 'Rina Kartika', skills: 'usaha; keuangan', startsOn: '2026-01-05', endsOn: '2026-12-31' },
  { id: 'PD-02', name: 'Ahmad Fauzi', skills: 'perencanaan; usaha', startsOn: '2026-01-05', endsOn: '2026-12-31' },
  { id: 'PD-03', name: 'Sri Wahyuni', skills: 'keuangan', startsOn: '2026-01-05', endsOn: '2026-12-31' },
  { id: 'PD-04', name: 'Yohanes Pasulu', skills: 'usaha; perencanaan', startsOn: '2026-01-05', endsOn: '2026-12-31' },
  { id: 'PD-05', name: 'Dewi Lestari', skills: 'keuangan; perencanaan', startsOn: '2026-01-05', endsOn: '2026-12-31' },
  { id: 'PD-06', name: 'Muhammad Rizal', skills: 'usaha', startsOn: '2026-01-05', endsOn: '2026-10-31' },
  { id: 'PD-07', name: 'Hasanah Daeng', skills: 'perencanaan; keuangan', startsOn: '2026-02-02', endsOn: '2026-12-31' },
];

/** Mentor of the n-th KKMP (1-based): PD-01 carries 6, PD-06's contract ended, four co-ops are uncovered. */
function mentorFor(n: number): string | null {
  const plan = ['PD-01', 'PD-01', 'PD-01', 'PD-01', 'PD-01', 'PD-01', 'PD-02', 'PD-02', 'PD-02', 'PD-02', 'PD-02', 'PD-03', 'PD-03', 'PD-03', 'PD-03',
    'PD-04', 'PD-04', 'PD-04', 'PD-04', 'PD-04', 'PD-05', 'PD-05', 'PD-05', 'PD-05', 'PD-06', 'PD-06', 'PD-06', 'PD-06', 'PD-07', 'PD-07'];
  return plan[n - 1] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function kkmp(n: number, kelurahan: string, kecamatan: string): CoopRecord {
  const hasSk = n % 11 !== 0; // three co-ops still wait for their SK AHU
  const month = n <= 17 ? '06' : '07';
  const deedDay = pad(2 + (n % 26));
  return {
    id: `KKMP-BPP-${pad(n)}`,
    name: `Koperasi Kelurahan Merah Putih ${kelurahan}`,
    kelurahan,
    kecamatan,
    deedNumber: String(100 + n),
    deedDate: `2025-${month}-${deedDay}`,
    notary: n % 2 === 0 ? 'Hj. Siti Aminah, S.H., M.Kn.' : 'Bambang Prasetyo, S.H., M.Kn.',
    skAhuNumber: hasSk ? `AHU-00${String(12000 + n * 37).padStart(5, '0')}.AH.01.29.TAHUN 2025` : null,
    skAhuDate: hasSk ? `2025-${month === '06' ? '07' : '08'}-${deedDay}` : null,
    nib: n % 5 === 0 ? null : n % 13 === 0 ? '91200012345' : `91200${String(10_000_000 + n * 7919).slice(0, 8)}`,
    npwp: n % 4 === 0 ? null : `${pad(n)}.${String(400 + n)}.${String(100 + n)}.1-721.000`,
    nikKoperasi: n % 3 === 0 ? null : `6471${String(100000 + n)}`,
    bankAccount: n % 6 !== 0,
    simkopdesAccount: n % 7 === 0 ? false : true,
    members: n <= 2 ? 24 : 15 + (n % 8),
    ownCapital: 7_500_000 + n * 250_000,
    spCapital: n === 1 ? 520_000_000 : n === 2 ? 500_000_000 : n % 9 === 0 ? 150_000_000 : n % 4 === 0 ? 0 : null,
    ratQuorumPercent: n % 10 === 0 ? 20 : null,
    mentorId: mentorFor(n),
    separateBooks: n <= 3 || n % 8 === 0,
    workPlan3y: n <= 6 || n % 3 === 0,
    spLicence: n === 1 ? true : n === 2 ? false : null,
    competentManager: n <= 4,
    office: n <= 10 || TRADING[kelurahan] !== undefined,
    auditedReport: n <= 2,
    outletStatus: OUTLETS_UNDER_CONSTRUCTION.has(kelurahan) ? 'Pembangunan' : 'Belum',
    partners: TRADING[kelurahan] ?? null,
    // Bank financing (PMK 49/2025): proposals written for the first eight, the mayor's approval for the first six.
    businessProposal: n <= 8,
    mayorApproval: n <= 6 ? true : n <= 12 ? false : null,
    unreadable: [],
  };
}

/** RAT for book year 2025: about 70 % quorate; a few without quorum, a few reports missing. */
function kkmpMeeting(record: CoopRecord, n: number): RatMeeting | null {
  if (n % 10 === 3 || n % 10 === 7 || n === 34) return null; // no RAT held
  const members = record.members as number;
  const quorate = n % 12 !== 5;
  return {
    coopId: record.id,
    bookYear: 2025,
    heldOn: `2026-${pad(3 + (n % 4))}-${pad(5 + (n % 20))}`,
    membersPresent: quorate ? Math.floor(members * 0.6) + 1 : Math.floor(members * 0.4),
    members,
    reportedOn: n % 9 === 4 ? null : `2026-${pad(4 + (n % 4))}-${pad(1 + (n % 20))}`,
  };
}

const OTHER_COOPS: CoopRecord[] = [
  ['KSP-BPP-001', 'KSP Sejahtera Bersama', 'Klandasan Ilir', 'Balikpapan Kota', '2012-03-14', 2_100_000_000, 240],
  ['KOP-BPP-014', 'Koperasi Karyawan Pelabuhan Semayang', 'Prapatan', 'Balikpapan Kota', '2009-08-20', 80_000_000, 310],
  ['KOP-BPP-027', 'Koperasi Nelayan Manggar Sari', 'Manggar', 'Balikpapan Timur', '2016-05-02', null, 48],
  ['KOP-BPP-033', 'Koperasi Pedagang Pasar Klandasan', 'Klandasan Ulu', 'Balikpapan Kota', '2018-11-11', 35_000_000, 95],
  ['KOP-BPP-041', 'Koperasi Wanita Mekar Sari', 'Mekar Sari', 'Balikpapan Tengah', '2020-02-27', 650_000_000, 120],
].map(([id, name, kelurahan, kecamatan, deedDate, spCapital, members], i) => ({
  id: id as string,
  name: name as string,
  kelurahan: kelurahan as string,
  kecamatan: kecamatan as string,
  deedNumber: String(20 + i),
  deedDate: deedDate as string,
  notary: 'Bambang Prasetyo, S.H., M.Kn.',
  skAhuNumber: `AHU-000${4100 + i}.AH.01.26.TAHUN ${(deedDate as string).slice(0, 4)}`,
  skAhuDate: deedDate as string,
  nib: `81200${String(20_000_000 + i * 104_729).slice(0, 8)}`,
  npwp: `0${i}.111.222.3-721.000`,
  nikKoperasi: `6471${String(200000 + i)}`,
  bankAccount: true,
  simkopdesAccount: i !== 1,
  members: members as number,
  ownCapital: 150_000_000 + i * 10_000_000,
  spCapital: spCapital as number | null,
  ratQuorumPercent: null,
  mentorId: i === 4 ? 'PD-07' : null,
  separateBooks: i === 0 || i === 4,
  workPlan3y: true,
  spLicence: i === 0,
  competentManager: i !== 2,
  office: true,
  auditedReport: i === 0 || i === 4,
  outletStatus: null,
  partners: null,
  // Older co-ops: the savings-and-loans co-op has a proposal; no mayor's approval is recorded for any.
  businessProposal: i === 0,
  mayorApproval: null,
  unreadable: [],
}));

/** Two co-ops still being formed: one with nothing recorded yet, one founded in 2026 (owes no RAT yet). */
const FORMING_COOPS: CoopRecord[] = [
  {
    ...OTHER_COOPS[0]!, id: 'KOP-BPP-052', name: 'Koperasi Pemuda Teritip', kelurahan: 'Teritip', kecamatan: 'Balikpapan Timur',
    deedNumber: null, deedDate: null, skAhuNumber: null, skAhuDate: null, nib: null, npwp: null, nikKoperasi: null,
    bankAccount: false, simkopdesAccount: false, members: 12, ownCapital: 3_000_000, spCapital: null, mentorId: null,
    separateBooks: false, workPlan3y: false, spLicence: false, competentManager: false, office: false, auditedReport: false,
  },
  {
    ...OTHER_COOPS[0]!, id: 'KOP-BPP-053', name: 'Koperasi Produsen Kariangau', kelurahan: 'Kariangau', kecamatan: 'Balikpapan Barat',
    deedNumber: '7', deedDate: '2026-04-14', skAhuNumber: null, skAhuDate: null, nib: null, npwp: null, nikKoperasi: null,
    bankAccount: true, simkopdesAccount: false, members: 21, ownCapital: 10_500_000, spCapital: null, mentorId: 'PD-07',
    separateBooks: false, workPlan3y: true, spLicence: false, competentManager: false, office: false, auditedReport: false,
  },
];

const OTHER_MEETINGS: RatMeeting[] = [
  { coopId: 'KSP-BPP-001', bookYear: 2024, heldOn: '2025-03-22', membersPresent: 160, members: 235, reportedOn: '2025-04-10' },
  { coopId: 'KSP-BPP-001', bookYear: 2025, heldOn: '2026-03-21', membersPresent: 171, members: 240, reportedOn: '2026-04-08' },
  { coopId: 'KOP-BPP-014', bookYear: 2024, heldOn: '2025-05-17', membersPresent: 190, members: 305, reportedOn: '2025-06-30' },
  { coopId: 'KOP-BPP-027', bookYear: 2024, heldOn: '2025-06-28', membersPresent: 19, members: 48, reportedOn: null },
  { coopId: 'KOP-BPP-041', bookYear: 2024, heldOn: '2025-04-26', membersPresent: 80, members: 118, reportedOn: '2025-05-15' },
  { coopId: 'KOP-BPP-041', bookYear: 2025, heldOn: '2026-04-25', membersPresent: 84, members: 120, reportedOn: '2026-05-12' },
];

export function balikpapanSample(): CheckInput {
  const coops: CoopRecord[] = [];
  const meetings: RatMeeting[] = [];
  let n = 0;
  for (const [kecamatan, wards] of BALIKPAPAN) {
    for (const kelurahan of wards) {
      n += 1;
      const record = kkmp(n, kelurahan, kecamatan);
      coops.push(record);
      const held = kkmpMeeting(record, n);
      if (held) meetings.push(held);
    }
  }
  return { asOf: SAMPLE_AS_OF, coops: [...coops, ...OTHER_COOPS, ...FORMING_COOPS], meetings: [...meetings, ...OTHER_MEETINGS], mentors: MENTORS };
}
