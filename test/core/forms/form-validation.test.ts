/**
 * The form validation shared by the sidebar and the server: a book year that
 * cannot be read is reported once, on its own field, and no other message
 * shows "undefined" in its place; the RAT date rule is stated as a rule.
 */
import { validateForm } from '../../../src/core/forms/form-validation';
import type { FormContext } from '../../../src/shared/forms';

const context: FormContext = { today: '2026-11-24', coopIds: ['KKMP-BPP-01'], mentorIds: [], mentorLoads: {}, coopMentors: {}, coopMembers: { 'KKMP-BPP-01': 20 }, mentorMaxLoad: 5 };
const rat = (values: Record<string, string>) => validateForm({ kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-01', ...values } }, context);

describe('RAT form', () => {
  test('a book year typed 2025/2026 is named on its field; no message says "undefined"', () => {
    const check = rat({ bookYear: '2025/2026', heldOn: '20/11/2025' });
    expect(check.errors.map((e) => e.field)).toEqual(['bookYear']);
    expect(JSON.stringify(check.errors)).not.toContain('undefined');
  });

  test('a meeting on 20/11/2025 for book year 2025: the rule, not a false fact', () => {
    const check = rat({ bookYear: '2025', heldOn: '20/11/2025' });
    expect(check.errors).toEqual([{ field: 'heldOn', text: { id: 'Tanggal RAT harus setelah akhir tahun buku 2025 (31/12/2025).', en: 'The RAT date must be after the end of book year 2025 (31/12/2025).' } }]);
  });

  test('a meeting after the book year is accepted', () => {
    expect(rat({ bookYear: '2025', heldOn: '15/03/2026' }).errors).toEqual([]);
  });
});

describe('co-op form', () => {
  const coop = (values: Record<string, string>) => validateForm({ kind: 'coop', editing: null, values: { id: 'KKMP-BPP-99', name: 'KKMP Uji', ...values } }, context);
  test.each<[string, string, string[]]>([
    ['Balikpapan Timur', 'Manggar', []],
    ['Balikpapan Timur', 'Gunung Bahagia', ['kelurahan']],
    ['Balikpapan Selatan', 'Gunung Bahagia', []],
    ['', 'Gunung Bahagia', []],
  ])('kecamatan %s, kelurahan %s', (kecamatan, kelurahan, fields) => {
    const check = coop({ kecamatan, kelurahan });
    expect(check.errors.map((e) => e.field)).toEqual(fields);
    if (fields.length > 0) expect(check.errors[0]!.text.id).toBe(`Kelurahan ${kelurahan} tidak berada di Kecamatan ${kecamatan}.`);
  });
});

describe('dates that the calendar lacks', () => {
  test('a deed dated 31/02/2026 is named on its field with the reason, not "expected dd/mm/yyyy"', () => {
    const check = validateForm({ kind: 'coop', editing: null, values: { id: 'KKMP-BPP-99', name: 'KKMP Uji', deedDate: '31/02/2026' } }, context);
    expect(check.errors.map((e) => e.field)).toEqual(['deedDate']);
    expect(check.errors[0]!.text.id).toContain('bulan ke-2 tahun 2026 tidak punya tanggal 31');
    expect(check.errors[0]!.text.id).not.toContain('dd/mm/yyyy, misalnya');
  });
});
