/**
 * How IDs (ID Koperasi, ID Pendamping) are compared. People type the same ID
 * in many ways: `PD - 03`, `pd-03`, `PD–03` (en dash), `ＰＤ-03` (full-width,
 * from an Asian input method), with a non-breaking or zero-width space pasted
 * from a web page. All of these are one ID. IDs that only *look* alike —
 * `KKMР-01` with a Cyrillic Р — are a different key but the same skeleton, so
 * the reader reports them as possible duplicates instead of silently counting
 * two co-ops.
 */

/** Hyphen and dash variants (Unicode Pd and the minus sign) that people and programs put in IDs. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u00AD]/g;
/** Invisible format characters (zero-width space/joiners, BOM, word joiner, bidi marks). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * The comparison key of an ID, or null when there is none: Unicode NFKC
 * (full-width → ASCII, NBSP → space), dashes → `-`, invisible characters and
 * all white space removed, upper case.
 */
export function idKey(id: string | null | undefined): string | null {
  if (typeof id !== 'string') return null;
  const key = id.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
  return key === '' ? null : key;
}

/**
 * Cyrillic and Greek capitals that look like Latin ones (Unicode confusables,
 * UTS #39 `confusables.txt`, the subset that can appear in an upper-cased ID).
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', З: '3', І: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Ѕ: 'S', Т: 'T', У: 'Y', Х: 'X', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** What an ID key looks like: look-alike letters replaced by the Latin letter they imitate (and O by 0 is not guessed). */
export function idSkeleton(key: string): string {
  return key.replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] as string);
}
