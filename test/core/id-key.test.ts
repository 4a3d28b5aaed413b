/**
 * IDs typed in many ways are one ID; IDs that only look alike are not, but share a skeleton.
 */
import { idKey, idSkeleton } from '../../src/core/id-key';

describe('ID keys', () => {
  test.each<[string, string]>([
    ['PD - 03', 'PD-03'],
    ['pd-03', 'PD-03'],
    ['PD–03', 'PD-03'], // en dash
    ['PD—03', 'PD-03'], // em dash
    ['PD‑03', 'PD-03'], // non-breaking hyphen
    ['PD−03', 'PD-03'], // minus sign
    ['ＰＤ－０３', 'PD-03'], // full width
    ['PD\u00a0-\u00a003', 'PD-03'], // non-breaking spaces
    ['PD-\u200b03', 'PD-03'], // zero-width space
    ['\ufeffKKMP-BPP-01 ', 'KKMP-BPP-01'],
  ])('%p is the ID %p', (typed, key) => {
    expect(idKey(typed)).toBe(key);
  });

  test('blank is no ID', () => {
    expect(idKey('  \u200b ')).toBeNull();
    expect(idKey(null)).toBeNull();
  });

  test('a Cyrillic look-alike is another key with the same skeleton', () => {
    const latin = idKey('KKMP-BPP-01') as string;
    const cyrillic = idKey('KKMР-ВРР-01') as string; // Р, В are Cyrillic
    expect(cyrillic).not.toBe(latin);
    expect(idSkeleton(cyrillic)).toBe(idSkeleton(latin));
  });
});
