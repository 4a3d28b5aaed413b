/**
 * The table of rule cases: `[situation, expected]` rows for the four checks.
 * Each situation starts from a co-op that passes every check (support/records.ts)
 * and changes what the case is about. The same rows run through the core in
 * Node and through the built bundle in the Apps Script sandbox.
 */
import type { CheckId, CheckInput, CoopRecord, ParameterOverride, RatMeeting, Mentor, Severity, StatusCode } from '../../src/shared/types';
import { AS_OF, coop, meeting, mentor, othersWithMentor } from '../support/records';

export interface Situation {
  name: string;
  record?: Partial<CoopRecord>;
  meetings?: RatMeeting[];
  mentors?: Mentor[];
  others?: CoopRecord[];
  asOf?: string;
  params?: Array<[string, number]>;
}

export interface Expected {
  check: CheckId;
  status: StatusCode;
  severity?: Severity;
  /** The failed requirement rules, in file order; omit to leave reasons unchecked. */
  reasons?: string[];
  /** Texts (Bahasa Indonesia) that must appear among the reasons, word for word. */
  texts?: string[];
  items?: [number, number];
}

export type RuleCase = [Situation, Expected];

export function toInput(s: Situation): CheckInput {
  const parameterOverrides: ParameterOverride[] = (s.params ?? []).map(([key, value]) => ({ key, value, source: 'test' }));
  return {
    asOf: s.asOf ?? AS_OF,
    coops: [coop(s.record), ...(s.others ?? [])],
    meetings: s.meetings ?? [meeting()],
    mentors: s.mentors ?? [mentor()],
    parameterOverrides,
  };
}

const noSk = { skAhuNumber: null, skAhuDate: null };
const founded2019 = { deedDate: '2019-03-01', skAhuDate: '2019-04-01' };

export const LEGAL_CASES: RuleCase[] = [
  [{ name: 'complete legal papers' }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'ok', reasons: [], items: [11, 11] }],
  [{ name: 'NIB missing', record: { nib: null } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'warn', reasons: ['legal.nib'] }],
  [{ name: 'NIB of 12 digits', record: { nib: '912000123456' } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'warn', reasons: ['legal.nib-format'], texts: ['NIB harus 13 digit, tercatat 12 digit.'] }],
  [{ name: 'NIB with spaces still 13 digits', record: { nib: '9120 0012 3456 7' } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'ok', reasons: [] }],
  [{ name: 'NPWP missing', record: { npwp: '  ' } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.npwp'] }],
  [{ name: 'NIK koperasi missing', record: { nikKoperasi: null } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.nik'] }],
  [{ name: 'no bank account', record: { bankAccount: false } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.bank-account'], texts: ['Rekening bank koperasi belum dibuka (Rekening Bank: tidak).'] }],
  [{ name: 'bank account blank', record: { bankAccount: null } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.bank-account'], texts: ['Rekening bank koperasi belum dibuka (Rekening Bank: (kosong)).'] }],
  [{ name: 'not in Simkopdes', record: { simkopdesAccount: false } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.simkopdes'] }],
  [
    { name: 'every follow-up paper missing', record: { nib: null, npwp: null, nikKoperasi: null, bankAccount: null, simkopdesAccount: false } },
    { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'warn', reasons: ['legal.nib', 'legal.npwp', 'legal.nik', 'legal.bank-account', 'legal.simkopdes'], items: [6, 11] },
  ],
  [{ name: 'deed but no SK AHU', record: noSk }, { check: 'legal', status: 'DALAM_PROSES', severity: 'warn', reasons: ['legal.sk-ahu'], texts: ['SK AHU belum ada: koperasi belum berbadan hukum.'] }],
  [{ name: 'deed number only', record: { ...noSk, deedDate: null } }, { check: 'legal', status: 'DALAM_PROSES', reasons: ['legal.sk-ahu'] }],
  [
    { name: 'nothing at all', record: { deedNumber: null, deedDate: null, ...noSk, nib: null, npwp: null, nikKoperasi: null, bankAccount: null, simkopdesAccount: null } },
    { check: 'legal', status: 'BELUM', severity: 'bad', reasons: ['legal.deed', 'legal.sk-ahu', 'legal.nib', 'legal.npwp', 'legal.nik', 'legal.bank-account', 'legal.simkopdes'] },
  ],
  [{ name: 'SK AHU without a recorded deed', record: { deedNumber: null, deedDate: null } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'warn', reasons: ['legal.deed'] }],
  [
    { name: 'SK AHU dated before the deed', record: { skAhuDate: '2025-07-01' } },
    { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'warn', reasons: ['legal.deed-before-sk'], texts: ['Tanggal SK AHU 01/07/2025 lebih awal dari tanggal akta 10/07/2025.'] },
  ],
  [{ name: 'SK AHU on the deed day', record: { skAhuDate: '2025-07-10' } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'ok', reasons: [] }],
  [
    { name: 'deed dated in the future', record: { ...noSk, deedDate: '2026-12-01' } },
    { check: 'legal', status: 'DALAM_PROSES', reasons: ['legal.sk-ahu', 'legal.deed-not-future'], texts: ['Tanggal akta 01/12/2026 setelah tanggal pemeriksaan 24/11/2026.'] },
  ],
  [{ name: 'SK AHU dated on the check day', record: { skAhuDate: AS_OF } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'ok', reasons: [] }],
  [{ name: 'SK AHU dated the day after the check', record: { skAhuDate: '2026-11-25' } }, { check: 'legal', status: 'BERBADAN_HUKUM', reasons: ['legal.sk-not-future'] }],
  [{ name: 'SK AHU number without a date', record: { skAhuDate: null } }, { check: 'legal', status: 'BERBADAN_HUKUM', severity: 'ok', reasons: [] }],
];

export const RAT_CASES: RuleCase[] = [
  [{ name: 'held, quorate, reported on time' }, { check: 'rat', status: 'SELESAI', severity: 'ok', reasons: [], items: [9, 9] }],
  [
    { name: 'held, report not yet in (before its due date)', asOf: '2026-05-01', meetings: [meeting({ reportedOn: null })] },
    { check: 'rat', status: 'LAPORAN_BELUM', severity: 'warn', reasons: ['rat.report-submitted'], texts: ['Laporan RAT tahun buku 2025 belum sampai ke Dinas (batas 15/05/2026).'] },
  ],
  [
    { name: 'held, report never came and is past its due date', meetings: [meeting({ reportedOn: null })] },
    { check: 'rat', status: 'LAPORAN_BELUM', severity: 'bad', reasons: ['rat.report-overdue'], texts: ['Laporan RAT tahun buku 2025 lewat batas 15/05/2026 dan belum sampai ke Dinas.'] },
  ],
  [
    {
      name: 'meetings without quorum are no RAT for the years missed either',
      record: founded2019,
      meetings: [meeting({ membersPresent: 5 }), meeting({ bookYear: 2024, heldOn: '2025-04-10', membersPresent: 5, reportedOn: null })],
    },
    { check: 'rat', status: 'TIDAK_KUORUM', severity: 'bad', reasons: ['rat.quorum', 'rat.consecutive-missed'] },
  ],
  [
    { name: 'held recently, report not due yet', meetings: [meeting({ heldOn: '2026-06-20', reportedOn: null })], asOf: '2026-07-01' },
    { check: 'rat', status: 'LAPORAN_BELUM', severity: 'warn', reasons: ['rat.report-submitted'] },
  ],
  [
    { name: 'report arrived late', meetings: [meeting({ reportedOn: '2026-06-01' })] },
    { check: 'rat', status: 'SELESAI', severity: 'ok', reasons: ['rat.report-on-time'], texts: ['Laporan RAT sampai 01/06/2026, terlambat 17 hari dari batas 15/05/2026.'] },
  ],
  [{ name: 'report on its due date', meetings: [meeting({ reportedOn: '2026-05-15' })] }, { check: 'rat', status: 'SELESAI', reasons: [] }],
  [
    { name: 'report one day late', meetings: [meeting({ heldOn: '2026-01-31', reportedOn: '2026-03-01' })] },
    { check: 'rat', status: 'SELESAI', reasons: ['rat.report-on-time'], texts: ['Laporan RAT sampai 01/03/2026, terlambat 1 hari dari batas 28/02/2026.'] },
  ],
  [
    { name: 'attendance 40 % of 25', meetings: [meeting({ membersPresent: 10 })] },
    { check: 'rat', status: 'TIDAK_KUORUM', severity: 'bad', reasons: ['rat.quorum'], texts: ['Kehadiran RAT 40%, belum melebihi kuorum 50%.'] },
  ],
  [{ name: 'attendance exactly at the quorum (10 of 20)', meetings: [meeting({ membersPresent: 10, members: 20 })] }, { check: 'rat', status: 'TIDAK_KUORUM', reasons: ['rat.quorum'] }],
  [{ name: 'attendance just above the quorum (11 of 20)', meetings: [meeting({ membersPresent: 11, members: 20 })] }, { check: 'rat', status: 'SELESAI', reasons: [] }],
  [{ name: 'statutes quorum 20 %, attendance exactly 20 %', record: { ratQuorumPercent: 20 }, meetings: [meeting({ membersPresent: 5 })] }, { check: 'rat', status: 'TIDAK_KUORUM', texts: ['Kehadiran RAT 20%, belum melebihi kuorum 20%.'] }],
  [{ name: 'statutes quorum 20 %, attendance 24 %', record: { ratQuorumPercent: 20 }, meetings: [meeting({ membersPresent: 6 })] }, { check: 'rat', status: 'SELESAI', reasons: [] }],
  [
    { name: 'attendance not recorded', meetings: [meeting({ membersPresent: null })] },
    { check: 'rat', status: 'TIDAK_KUORUM', reasons: ['rat.quorum'], texts: ['Kehadiran RAT (kosong), belum melebihi kuorum 50%.'] },
  ],
  [{ name: "meeting's member count blank: the register's is used", meetings: [meeting({ members: null, membersPresent: 13 })] }, { check: 'rat', status: 'SELESAI', reasons: [] }],
  [{ name: 'not held, long before the deadline', asOf: '2026-02-01', meetings: [] }, { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'ok', reasons: [] }],
  [{ name: 'not held, the day before the early warning', asOf: '2026-03-29', meetings: [] }, { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'ok', reasons: [] }],
  [
    { name: 'not held, the first day of the early warning', asOf: '2026-03-30', meetings: [] },
    { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'warn', reasons: ['rat.deadline-near'], texts: ['RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah dekat.'] },
  ],
  [{ name: 'not held, on the deadline day itself', asOf: '2026-06-30', meetings: [] }, { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'warn', reasons: ['rat.deadline-near'] }],
  [
    { name: 'not held, the day after the deadline', asOf: '2026-07-01', meetings: [] },
    { check: 'rat', status: 'TERLAMBAT', severity: 'bad', reasons: ['rat.held-by-deadline'], texts: ['RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah lewat 1 hari.'] },
  ],
  [{ name: 'not held, months after the deadline', meetings: [] }, { check: 'rat', status: 'TERLAMBAT', reasons: ['rat.held-by-deadline'], texts: ['RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah lewat 147 hari.'] }],
  [
    { name: 'held after the deadline', meetings: [meeting({ heldOn: '2026-08-15', reportedOn: '2026-09-01' })] },
    { check: 'rat', status: 'SELESAI', severity: 'ok', reasons: ['rat.held-on-time'], texts: ['RAT diadakan 15/08/2026, setelah batas 30/06/2026.'] },
  ],
  [{ name: 'meeting dated before the book year ended', meetings: [meeting({ heldOn: '2025-12-20', reportedOn: '2026-01-05' })] }, { check: 'rat', status: 'SELESAI', reasons: ['rat.held-after-book-year'] }],
  [{ name: 'founded this year: book year not closed, no RAT owed', record: { deedDate: '2026-03-01', skAhuDate: '2026-03-20' }, meetings: [] }, { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'ok', reasons: [] }],
  [{ name: 'founded last year, first RAT not yet due', asOf: '2026-03-01', meetings: [] }, { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'ok', reasons: [] }],
  [
    { name: 'deadline at end of February in a leap year (2 months): on 29/02/2028', asOf: '2028-02-29', params: [['ratDeadlineMonths', 2]], meetings: [meeting({ bookYear: 2027, heldOn: null, reportedOn: null })] },
    { check: 'rat', status: 'BELUM_JATUH_TEMPO', severity: 'warn' },
  ],
  [
    { name: 'deadline at end of February in a leap year (2 months): on 01/03/2028', asOf: '2028-03-01', params: [['ratDeadlineMonths', 2]], meetings: [meeting({ bookYear: 2026 }), meeting({ bookYear: 2027, heldOn: null })] },
    { check: 'rat', status: 'TERLAMBAT', reasons: ['rat.held-by-deadline'], texts: ['RAT tahun buku 2027 belum diadakan; batasnya 29/02/2028, sudah lewat 1 hari.'] },
  ],
  [
    { name: 'two book years in a row without RAT', record: founded2019, meetings: [meeting({ coopId: 'LAIN-1', bookYear: 2024 })], others: [coop({ id: 'LAIN-1', mentorId: null })] },
    { check: 'rat', status: 'TERLAMBAT', reasons: ['rat.held-by-deadline', 'rat.consecutive-missed'], texts: ['2 tahun buku berturut-turut tanpa RAT (batas 2): teguran tertulis dan rencana pembubaran (Permenkop 19/2015 ps. 20).'] },
  ],
  [{ name: 'one book year without RAT after one with', record: founded2019, meetings: [meeting({ bookYear: 2024, heldOn: '2025-05-01', reportedOn: '2025-05-20' })] }, { check: 'rat', status: 'TERLAMBAT', reasons: ['rat.held-by-deadline'] }],
  [{ name: 'deadline parameter 3 months (31 March): overdue in April', asOf: '2026-04-15', params: [['ratDeadlineMonths', 3]], meetings: [] }, { check: 'rat', status: 'TERLAMBAT', texts: ['RAT tahun buku 2025 belum diadakan; batasnya 31/03/2026, sudah lewat 15 hari.'] }],
  [
    { name: 'a second meeting after one without quorum', meetings: [meeting({ heldOn: '2026-03-01', membersPresent: 8, reportedOn: null }), meeting({ heldOn: '2026-04-01', membersPresent: 15, reportedOn: '2026-04-20' })] },
    { check: 'rat', status: 'SELESAI', reasons: [] },
  ],
  [{ name: 'a meeting row without a date is not a meeting', meetings: [meeting({ heldOn: null })] }, { check: 'rat', status: 'TERLAMBAT', reasons: ['rat.held-by-deadline'] }],
];

export const MENTOR_CASES: RuleCase[] = [
  [{ name: 'active mentor, light load' }, { check: 'mentor', status: 'TERDAMPINGI', severity: 'ok', reasons: [], items: [5, 5] }],
  [{ name: 'no mentor', record: { mentorId: null } }, { check: 'mentor', status: 'TANPA_PENDAMPING', severity: 'bad', reasons: ['mentor.assigned'], texts: ['Belum ada pendamping (kolom Pendamping kosong).'] }],
  [{ name: 'mentor not listed', record: { mentorId: 'PD-99' } }, { check: 'mentor', status: 'TANPA_PENDAMPING', reasons: ['mentor.listed'], texts: ['Pendamping PD-99 tidak ada di sheet Pendamping.'] }],
  [
    { name: 'contract ended yesterday', mentors: [mentor({ endsOn: '2026-11-23' })] },
    { check: 'mentor', status: 'TANPA_PENDAMPING', reasons: ['mentor.contract-current'], texts: ['Tugas pendamping PD-01 telah berakhir pada 23/11/2026.'] },
  ],
  [{ name: 'contract ends today', mentors: [mentor({ endsOn: AS_OF })] }, { check: 'mentor', status: 'TERDAMPINGI', reasons: [] }],
  [{ name: 'contract starts tomorrow', mentors: [mentor({ startsOn: '2026-11-25' })] }, { check: 'mentor', status: 'TANPA_PENDAMPING', reasons: ['mentor.contract-started'], texts: ['Tugas pendamping PD-01 baru dimulai pada 25/11/2026.'] }],
  [{ name: 'contract without an end date', mentors: [mentor({ endsOn: null })] }, { check: 'mentor', status: 'TERDAMPINGI', reasons: [] }],
  [{ name: 'mentor with exactly 4 co-ops', others: othersWithMentor(3) }, { check: 'mentor', status: 'TERDAMPINGI', severity: 'ok', reasons: [] }],
  [{ name: 'mentor with exactly 5 co-ops', others: othersWithMentor(4) }, { check: 'mentor', status: 'TERDAMPINGI', reasons: [] }],
  [
    { name: 'mentor with 6 co-ops', others: othersWithMentor(5) },
    { check: 'mentor', status: 'PENDAMPING_BERLEBIH', severity: 'warn', reasons: ['mentor.load-within-max'], texts: ['Pendamping PD-01 mendampingi 6 koperasi, melebihi batas 5.'] },
  ],
  [{ name: '6 co-ops with the national maximum of 15', others: othersWithMentor(5), params: [['mentorMaxLoad', 15], ['mentorMinLoad', 7]] }, { check: 'mentor', status: 'TERDAMPINGI', reasons: [] }],
  [{ name: 'mentor ID typed in lower case with spaces', record: { mentorId: '  pd-01 ' } }, { check: 'mentor', status: 'TERDAMPINGI', reasons: [] }],
  [{ name: 'overloaded mentor whose contract ended', others: othersWithMentor(5), mentors: [mentor({ endsOn: '2026-06-30' })] }, { check: 'mentor', status: 'TANPA_PENDAMPING', reasons: ['mentor.contract-current'] }],
];

const everythingMissing: Partial<CoopRecord> = {
  ...noSk, nib: null, nikKoperasi: null, bankAccount: null, members: 17, spCapital: null, auditedReport: null,
  separateBooks: null, workPlan3y: null, competentManager: null, office: null, spLicence: null, mentorId: null,
};

export const SAVINGS_LOANS_CASES: RuleCase[] = [
  [{ name: 'every item met' }, { check: 'savingsLoans', status: 'SIAP', severity: 'ok', reasons: [], items: [14, 14] }],
  [{ name: 'only the licence missing', record: { spLicence: false } }, { check: 'savingsLoans', status: 'HAMPIR_SIAP', severity: 'warn', reasons: ['sp.licence'], items: [13, 14] }],
  [{ name: 'soft items missing: work plan and office', record: { workPlan3y: null, office: false } }, { check: 'savingsLoans', status: 'HAMPIR_SIAP', reasons: ['sp.work-plan', 'sp.office'], items: [12, 14] }],
  [
    { name: 'capital Rp 120 juta', record: { spCapital: 120_000_000 } },
    { check: 'savingsLoans', status: 'BELUM_SIAP', severity: 'bad', reasons: ['sp.capital'], texts: ['Modal simpan pinjam Rp 120.000.000, kurang dari batas minimal Rp 500.000.000.'] },
  ],
  [{ name: 'capital exactly Rp 500 juta', record: { spCapital: 500_000_000 } }, { check: 'savingsLoans', status: 'SIAP', reasons: [] }],
  [{ name: 'capital blank', record: { spCapital: null } }, { check: 'savingsLoans', status: 'BELUM_SIAP', texts: ['Modal simpan pinjam (kosong), kurang dari batas minimal Rp 500.000.000.'] }],
  [{ name: 'minimum capital lowered to Rp 100 juta', record: { spCapital: 120_000_000 }, params: [['spMinCapital', 100_000_000]] }, { check: 'savingsLoans', status: 'SIAP', reasons: [] }],
  [{ name: '19 members', record: { members: 19 } }, { check: 'savingsLoans', status: 'BELUM_SIAP', reasons: ['sp.members'], texts: ['Jumlah anggota 19, kurang dari batas minimal 20.'] }],
  [{ name: 'exactly 20 members', record: { members: 20 }, meetings: [meeting({ members: 20, membersPresent: 15 })] }, { check: 'savingsLoans', status: 'SIAP', reasons: [] }],
  [{ name: 'RAT without quorum', meetings: [meeting({ membersPresent: 5 })] }, { check: 'savingsLoans', status: 'BELUM_SIAP', reasons: ['sp.rat'], texts: ['RAT tahun buku 2025 belum diadakan dengan kuorum.'] }],
  [{ name: 'no active mentor', record: { mentorId: null } }, { check: 'savingsLoans', status: 'HAMPIR_SIAP', reasons: ['sp.mentor'] }],
  [{ name: 'not a legal entity', record: noSk }, { check: 'savingsLoans', status: 'BELUM_SIAP', reasons: ['sp.legal-entity'] }],
  [{ name: 'capital not in a bank account', record: { bankAccount: false } }, { check: 'savingsLoans', status: 'BELUM_SIAP', reasons: ['sp.bank-account'] }],
  [{ name: 'financial report not audited', record: { auditedReport: false } }, { check: 'savingsLoans', status: 'BELUM_SIAP', reasons: ['sp.audited-report'] }],
  [
    { name: 'a typical new KKMP: almost everything missing', record: everythingMissing, meetings: [] },
    {
      check: 'savingsLoans',
      status: 'BELUM_SIAP',
      reasons: ['sp.legal-entity', 'sp.nib', 'sp.nik', 'sp.rat', 'sp.capital', 'sp.bank-account', 'sp.members', 'sp.audited-report', 'sp.separate-books', 'sp.work-plan', 'sp.competent-manager', 'sp.office', 'sp.mentor', 'sp.licence'],
      items: [0, 14],
    },
  ],
];

export const BANK_FINANCING_CASES: RuleCase[] = [
  [{ name: 'bank financing: every paper ready' }, { check: 'bankFinancing', status: 'SIAP', severity: 'ok', reasons: [], items: [7, 7] }],
  [
    { name: 'bank financing: a typical new KKMP', record: { ...everythingMissing, npwp: null, businessProposal: null, mayorApproval: null }, meetings: [] },
    {
      check: 'bankFinancing',
      status: 'BELUM_SIAP',
      severity: 'bad',
      reasons: ['bf.legal-entity', 'bf.nik', 'bf.bank-account', 'bf.npwp', 'bf.nib', 'bf.proposal', 'bf.mayor-approval'],
      items: [0, 7],
    },
  ],
  [
    { name: 'bank financing: no business proposal', record: { businessProposal: false } },
    { check: 'bankFinancing', status: 'BELUM_SIAP', reasons: ['bf.proposal'], texts: ['Proposal usaha untuk pembiayaan bank belum ada (Proposal Usaha: tidak).'], items: [6, 7] },
  ],
  [
    { name: "bank financing: kelurahan co-op without the mayor's approval", record: { mayorApproval: null } },
    { check: 'bankFinancing', status: 'BELUM_SIAP', reasons: ['bf.mayor-approval'], texts: ['Persetujuan Wali Kota untuk koperasi kelurahan belum ada (Persetujuan Wali Kota: (kosong)).'] },
  ],
  [{ name: "bank financing: not a kelurahan co-op, no mayor's approval needed", record: { kelurahan: null, mayorApproval: false } }, { check: 'bankFinancing', status: 'SIAP', reasons: [] }],
  [{ name: 'bank financing: NIB of 12 digits', record: { nib: '912000123456' } }, { check: 'bankFinancing', status: 'BELUM_SIAP', reasons: ['bf.nib'] }],
];

export const ALL_CASES: RuleCase[] = [...LEGAL_CASES, ...RAT_CASES, ...MENTOR_CASES, ...SAVINGS_LOANS_CASES, ...BANK_FINANCING_CASES];
