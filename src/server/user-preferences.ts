/**
 * The one thing Pantau KKMP keeps outside the spreadsheet: each user's
 * interface language, in their own user properties.
 */
import type { Lang } from '../shared/types';

const LANGUAGE_KEY = 'pantauKkmp.lang';

export function readLanguage(): Lang {
  return PropertiesService.getUserProperties().getProperty(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
}

export function writeLanguage(lang: Lang): Lang {
  const value: Lang = lang === 'en' ? 'en' : 'id';
  PropertiesService.getUserProperties().setProperty(LANGUAGE_KEY, value);
  return value;
}
