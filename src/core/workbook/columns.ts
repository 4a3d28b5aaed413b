/**
 * The workbook contract (shared/workbook.md) as data: each sheet's columns —
 * the label staff see, accepted synonyms, the record field it fills and how
 * its cells are read. The readers, the set-up action, the results writer and
 * the command line all take their labels from here.
 */
import type { CoopRecord, Mentor, RatMeeting } from '../../shared/types';

export type CellKind = 'text' | 'date' | 'yesno' | 'integer' | 'amount' | 'percent' | 'year' | 'number';

export interface ColumnSpec<F extends string = string> {
  field: F;
  label: string;
  synonyms?: readonly string[];
  kind: CellKind;
  required?: boolean;
  /** Allowed values, for dropdowns and checks. */
  list?: 'kecamatan' | 'kelurahan' | 'yesno' | 'outletStatus' | 'mentorIds' | 'visitActivities';
  width?: number;
  /** A date of something that has happened (deed, decree, meeting, report): it may not be after the check date. */
  pastEvent?: boolean;
}

export const SHEETS = {
  register: 'Koperasi',
  meetings: 'RAT',
  mentors: 'Pendamping',
  parameters: 'Parameter',
  /** The mentors' visit log (issue 17). */
  visits: 'Kunjungan',
  results: 'Hasil Pemeriksaan',
  /** Optional: rule sets that replace the bundled ones for this workbook, as JSON. */
  rules: 'Aturan',
  /** Rows of a check-all that did not fit in one execution, until it finishes (owned by the add-on; ≤ 31 characters, so an .xlsx copy keeps the name). */
  staging: 'Hasil Pemeriksaan (sementara)',
  /** History: one row per co-op per completed check-all, appended, never rewritten (owned by the add-on). */
  history: 'Riwayat',
  /** Trend table and native charts built from Riwayat (owned by the add-on). */
  charts: 'Grafik',
  /** The one-page report for the head of office (owned by the add-on). */
  report: 'Laporan',
} as const;

/** Cell A1 of a co-op sheet. */
export const COOP_SHEET_MARKER = 'PROFIL KOPERASI';
/** Column A of the row where a co-op sheet's results block begins (owned by the add-on). */
export const COOP_SHEET_RESULTS_MARKER = 'HASIL PEMERIKSAAN';

type RecordField = Exclude<keyof CoopRecord, 'unreadable'>;

export const REGISTER_COLUMNS: ReadonlyArray<ColumnSpec<RecordField>> = [
  { field: 'id', label: 'ID Koperasi', synonyms: ['ID', 'Kode Koperasi'], kind: 'text', required: true, width: 120 },
  { field: 'name', label: 'Nama Koperasi', synonyms: ['Nama'], kind: 'text', width: 300 },
  { field: 'kelurahan', label: 'Kelurahan', kind: 'text', list: 'kelurahan', width: 160 },
  { field: 'kecamatan', label: 'Kecamatan', kind: 'text', list: 'kecamatan', width: 160 },
  { field: 'deedNumber', label: 'Nomor Akta', synonyms: ['No Akta', 'Akta Pendirian'], kind: 'text' },
  { field: 'deedDate', label: 'Tanggal Akta', synonyms: ['Tgl Akta'], kind: 'date', pastEvent: true },
  { field: 'notary', label: 'Notaris', kind: 'text', width: 200 },
  { field: 'skAhuNumber', label: 'Nomor SK AHU', synonyms: ['No SK AHU', 'SK AHU'], kind: 'text', width: 260 },
  { field: 'skAhuDate', label: 'Tanggal SK AHU', synonyms: ['Tgl SK AHU'], kind: 'date', pastEvent: true },
  { field: 'nib', label: 'NIB', synonyms: ['Nomor Induk Berusaha'], kind: 'text', width: 130 },
  { field: 'npwp', label: 'NPWP', kind: 'text', width: 160 },
  { field: 'nikKoperasi', label: 'NIK Koperasi', synonyms: ['NIK'], kind: 'text', width: 120 },
  { field: 'bankAccount', label: 'Rekening Bank', kind: 'yesno', list: 'yesno' },
  { field: 'simkopdesAccount', label: 'Akun Simkopdes', synonyms: ['Simkopdes'], kind: 'yesno', list: 'yesno' },
  { field: 'members', label: 'Jumlah Anggota', synonyms: ['Anggota'], kind: 'integer' },
  { field: 'ownCapital', label: 'Modal Sendiri', kind: 'amount', width: 150 },
  { field: 'spCapital', label: 'Modal Simpan Pinjam', synonyms: ['Modal USP'], kind: 'amount', width: 150 },
  { field: 'ratQuorumPercent', label: 'Kuorum RAT', kind: 'percent' },
  { field: 'mentorId', label: 'Pendamping', synonyms: ['ID Pendamping'], kind: 'text', list: 'mentorIds' },
  { field: 'separateBooks', label: 'Pembukuan Terpisah', kind: 'yesno', list: 'yesno' },
  { field: 'workPlan3y', label: 'Rencana Kerja 3 Tahun', kind: 'yesno', list: 'yesno' },
  { field: 'spLicence', label: 'Izin Simpan Pinjam', kind: 'yesno', list: 'yesno' },
  { field: 'competentManager', label: 'Pengelola Kompeten', kind: 'yesno', list: 'yesno' },
  { field: 'office', label: 'Kantor', kind: 'yesno', list: 'yesno' },
  { field: 'auditedReport', label: 'Laporan Keuangan Diperiksa', kind: 'yesno', list: 'yesno' },
  { field: 'outletStatus', label: 'Status Gerai', kind: 'text', list: 'outletStatus' },
  { field: 'partners', label: 'Mitra Usaha', kind: 'text', width: 200 },
  // Bank financing (PMK 49/2025)
  { field: 'businessProposal', label: 'Proposal Usaha', kind: 'yesno', list: 'yesno' },
  { field: 'mayorApproval', label: 'Persetujuan Wali Kota', synonyms: ['Persetujuan Walikota'], kind: 'yesno', list: 'yesno' },
];

/** Units shown in headers the set-up writes ("Modal Sendiri (Rp)"); matching ignores them. */
export const HEADER_UNITS: Readonly<Record<string, string>> = {
  ownCapital: 'Rp',
  spCapital: 'Rp',
  ratQuorumPercent: '%',
};

export const MEETING_COLUMNS: ReadonlyArray<ColumnSpec<keyof RatMeeting>> = [
  { field: 'coopId', label: 'ID Koperasi', synonyms: ['ID', 'Kode Koperasi'], kind: 'text', required: true, width: 120 },
  { field: 'bookYear', label: 'Tahun Buku', kind: 'year', required: true },
  { field: 'heldOn', label: 'Tanggal RAT', synonyms: ['Tgl RAT'], kind: 'date', pastEvent: true },
  { field: 'membersPresent', label: 'Anggota Hadir', synonyms: ['Hadir'], kind: 'integer' },
  { field: 'members', label: 'Jumlah Anggota', synonyms: ['Anggota'], kind: 'integer' },
  { field: 'reportedOn', label: 'Tanggal Laporan', synonyms: ['Tgl Laporan'], kind: 'date', pastEvent: true },
];

export const MENTOR_COLUMNS: ReadonlyArray<ColumnSpec<keyof Mentor>> = [
  { field: 'id', label: 'ID Pendamping', synonyms: ['ID', 'Kode Pendamping'], kind: 'text', required: true, width: 120 },
  { field: 'name', label: 'Nama', synonyms: ['Nama Pendamping'], kind: 'text', width: 200 },
  { field: 'skills', label: 'Keahlian', kind: 'text', width: 220 },
  { field: 'startsOn', label: 'Mulai Tugas', kind: 'date' },
  { field: 'endsOn', label: 'Akhir Tugas', kind: 'date' },
];

export const PARAMETER_COLUMNS: ReadonlyArray<ColumnSpec<'key' | 'value' | 'note' | 'from' | 'legalSource'>> = [
  { field: 'key', label: 'Kunci', kind: 'text', required: true, width: 200 },
  { field: 'value', label: 'Nilai', kind: 'number', required: true, width: 130 },
  { field: 'note', label: 'Keterangan', kind: 'text', width: 520 },
  // Optional: the date from which the row holds, and its legal source (a dated, traceable change).
  { field: 'from', label: 'Berlaku mulai', synonyms: ['Berlaku Sejak', 'Mulai Berlaku'], kind: 'date', width: 120 },
  { field: 'legalSource', label: 'Sumber', synonyms: ['Dasar Hukum'], kind: 'text', width: 260 },
];

/** The optional `Aturan` sheet: one rule set per row, in json-rules-engine's format (see rules/). */
export const RULE_COLUMNS: ReadonlyArray<ColumnSpec<'check' | 'json'>> = [
  { field: 'check', label: 'Pemeriksaan', kind: 'text' },
  { field: 'json', label: 'Aturan JSON', synonyms: ['JSON', 'Aturan'], kind: 'text', required: true, width: 600 },
];

/** The sheet `Kunjungan`: one row per mentor visit (shared/workbook.md). `Tindak Lanjut Selesai` is an added, optional column. */
export const VISIT_COLUMNS: ReadonlyArray<ColumnSpec<'mentorId' | 'coopId' | 'date' | 'activity' | 'notes' | 'followUp' | 'followUpDue' | 'followUpDone'>> = [
  { field: 'mentorId', label: 'ID Pendamping', synonyms: ['Pendamping', 'Kode Pendamping'], kind: 'text', required: true, list: 'mentorIds', width: 120 },
  { field: 'coopId', label: 'ID Koperasi', synonyms: ['Koperasi', 'Kode Koperasi'], kind: 'text', required: true, width: 120 },
  { field: 'date', label: 'Tanggal', synonyms: ['Tanggal Kunjungan', 'Tgl'], kind: 'date', required: true },
  { field: 'activity', label: 'Kegiatan', kind: 'text', list: 'visitActivities', width: 140 },
  { field: 'notes', label: 'Catatan', kind: 'text', width: 320 },
  { field: 'followUp', label: 'Tindak Lanjut', kind: 'text', width: 260 },
  { field: 'followUpDue', label: 'Tenggat Tindak Lanjut', synonyms: ['Tenggat'], kind: 'date' },
  { field: 'followUpDone', label: 'Tindak Lanjut Selesai', synonyms: ['Selesai'], kind: 'yesno', list: 'yesno' },
];

/** The short list of visit activities (shared/workbook.md): governance, business plan, bookkeeping, RAT preparation, licences, other. */
export const VISIT_ACTIVITIES = ['Tata kelola', 'Rencana usaha', 'Pembukuan', 'Persiapan RAT', 'Perizinan', 'Lainnya'] as const;

export const YES_NO_CHOICES = ['Ya', 'Tidak'] as const;
export const OUTLET_STATUSES = ['Belum', 'Pembangunan', 'Beroperasi'] as const;

/** The header text the set-up writes: the label, with its unit where it has one. */
export function headerText(column: ColumnSpec): string {
  const unit = HEADER_UNITS[column.field];
  return unit ? `${column.label} (${unit})` : column.label;
}
