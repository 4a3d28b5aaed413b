/**
 * Balikpapan's 6 kecamatan and 34 kelurahan (Perda 7 and 8/2012), for the
 * set-up's dropdowns and the sample data.
 */
export const BALIKPAPAN: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Balikpapan Timur', ['Manggar', 'Manggar Baru', 'Lamaru', 'Teritip']],
  ['Balikpapan Selatan', ['Damai Baru', 'Damai Bahagia', 'Sepinggan', 'Sepinggan Baru', 'Sepinggan Raya', 'Sungai Nangka', 'Gunung Bahagia']],
  ['Balikpapan Tengah', ['Gunung Sari Ilir', 'Gunung Sari Ulu', 'Mekar Sari', 'Karang Rejo', 'Sumber Rejo', 'Karang Jati']],
  ['Balikpapan Utara', ['Gunung Samarinda', 'Gunung Samarinda Baru', 'Muara Rapak', 'Batu Ampar', 'Karang Joang', 'Graha Indah']],
  ['Balikpapan Barat', ['Baru Ilir', 'Baru Tengah', 'Baru Ulu', 'Margo Mulyo', 'Marga Sari', 'Kariangau']],
  ['Balikpapan Kota', ['Prapatan', 'Telaga Sari', 'Klandasan Ulu', 'Klandasan Ilir', 'Damai']],
];

export const KECAMATAN_NAMES: readonly string[] = BALIKPAPAN.map(([kecamatan]) => kecamatan);
export const KELURAHAN_NAMES: readonly string[] = BALIKPAPAN.flatMap(([, kelurahan]) => kelurahan);
