/**
 * The shapes the sidebar exchanges with the server through google.script.run.
 * JSON-safe: no Date, no undefined, no functions (Apps Script would hand the
 * client `null` instead of a value holding a Date).
 */
import type { Bilingual, Lang } from './types';

export interface ParameterInForce {
  key: string;
  value: number;
  unit: string;
  note: Bilingual;
  source: string;
}

export interface CheckStatuses {
  check: string;
  title: Bilingual;
  statuses: Array<{ code: string; label: Bilingual }>;
}

export interface RulesOverview {
  lang: Lang;
  rulesVersion: string;
  parameters: ParameterInForce[];
  checks: CheckStatuses[];
}
