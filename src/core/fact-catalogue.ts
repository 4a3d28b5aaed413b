/**
 * Every fact a rule may name: its unit (how to compare and show it), the
 * workbook field it is about (a key of the `field` message table), and the
 * register fields it is read from. Parameters from rules/parameters.json are
 * facts too, under their own keys.
 *
 * Why: rules are data, so the rule validator needs to know which facts exist,
 * and a reason needs to say which column to fix and how to show its value.
 */
import type { CoopRecord } from '../shared/types';
import type { Unit } from './format';
import { PARAMETERS, ownKey } from './rule-data';
import { REGISTER_COLUMNS, type CellKind } from './workbook/columns';

export interface FactSpec {
  unit: Unit;
  field: string;
  recordFields: ReadonlyArray<keyof CoopRecord>;
}

const spec = (unit: Unit, field: string, recordFields: ReadonlyArray<keyof CoopRecord> = []): FactSpec => ({
  unit,
  field,
  recordFields,
});

const RAT_RECORD_FIELDS: ReadonlyArray<keyof CoopRecord> = ['deedDate', 'skAhuDate', 'members', 'ratQuorumPercent'];

const NAMED_FACTS: Readonly<Record<string, FactSpec>> = {
  checkDay: spec('date', 'checkDate'),
  // Legal status
  hasDeed: spec('boolean', 'deed', ['deedNumber', 'deedDate']),
  deedDay: spec('date', 'deedDate', ['deedDate']),
  hasSkAhu: spec('boolean', 'skAhu', ['skAhuNumber', 'skAhuDate']),
  skAhuDay: spec('date', 'skAhuDate', ['skAhuDate']),
  nibPresent: spec('boolean', 'nib', ['nib']),
  nibDigitCount: spec('count', 'nib', ['nib']),
  npwpPresent: spec('boolean', 'npwp', ['npwp']),
  nikPresent: spec('boolean', 'nikKoperasi', ['nikKoperasi']),
  bankAccount: spec('boolean', 'bankAccount', ['bankAccount']),
  simkopdesAccount: spec('boolean', 'simkopdesAccount', ['simkopdesAccount']),
  // RAT
  ratBookYear: spec('year', 'ratBookYear', RAT_RECORD_FIELDS),
  ratBookYearEndDay: spec('date', 'ratBookYear', RAT_RECORD_FIELDS),
  ratDueDay: spec('date', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratWarningDay: spec('date', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratDaysPastDue: spec('days', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratHeld: spec('boolean', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratHeldDay: spec('date', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratAttendancePercent: spec('percent', 'ratMembersPresent', RAT_RECORD_FIELDS),
  ratQuorumPercent: spec('percent', 'ratQuorumPercent', RAT_RECORD_FIELDS),
  ratQuorate: spec('boolean', 'ratMembersPresent', RAT_RECORD_FIELDS),
  ratHeldQuorate: spec('boolean', 'ratHeldOn', RAT_RECORD_FIELDS),
  ratReported: spec('boolean', 'ratReportedOn', RAT_RECORD_FIELDS),
  ratReportedDay: spec('date', 'ratReportedOn', RAT_RECORD_FIELDS),
  ratReportDueDay: spec('date', 'ratReportedOn', RAT_RECORD_FIELDS),
  ratReportDaysLate: spec('days', 'ratReportedOn', RAT_RECORD_FIELDS),
  ratMissedYears: spec('count', 'ratHeldOn', RAT_RECORD_FIELDS),
  // Mentor coverage
  mentorId: spec('text', 'mentorId', ['mentorId']),
  mentorAssigned: spec('boolean', 'mentorId', ['mentorId']),
  mentorListed: spec('boolean', 'mentorListedId', ['mentorId']),
  mentorStartDay: spec('date', 'mentorStartsOn', ['mentorId']),
  mentorEndDay: spec('date', 'mentorEndsOn', ['mentorId']),
  mentorActive: spec('boolean', 'mentorId', ['mentorId']),
  mentorLoad: spec('count', 'mentorId', ['mentorId']),
  // Savings and loans
  members: spec('count', 'members', ['members']),
  spCapital: spec('rupiah', 'spCapital', ['spCapital']),
  separateBooks: spec('boolean', 'separateBooks', ['separateBooks']),
  workPlan3y: spec('boolean', 'workPlan3y', ['workPlan3y']),
  spLicence: spec('boolean', 'spLicence', ['spLicence']),
  competentManager: spec('boolean', 'competentManager', ['competentManager']),
  office: spec('boolean', 'office', ['office']),
  auditedReport: spec('boolean', 'auditedReport', ['auditedReport']),
  // Counts of the check's own requirement rules, filled while the engine runs
  requirementsUnmet: spec('count', 'requirements'),
  requirementsUnmetHard: spec('count', 'requirements'),
  requirementsUnmetSoft: spec('count', 'requirements'),
};

/** How a register column's cells become a fact's unit. */
const UNIT_OF_KIND: Partial<Record<CellKind, Unit>> = { yesno: 'boolean', integer: 'count', amount: 'rupiah', percent: 'percent' };

/**
 * A fact for every register column, so a new check needs only its column:
 * a yes/no, whole-number, amount or percent column under its field name
 * (`businessProposal`), a text column as `<field>Present` (`kelurahanPresent`,
 * true when filled). Facts named above keep their own definition.
 */
export const COLUMN_FACTS: ReadonlyArray<{ name: string; field: keyof CoopRecord; present: boolean }> = REGISTER_COLUMNS.flatMap((column) => {
  if (column.field === 'id') return [];
  if (column.kind === 'text') return [{ name: `${column.field}Present`, field: column.field, present: true }];
  return UNIT_OF_KIND[column.kind] ? [{ name: column.field, field: column.field, present: false }] : [];
}).filter((fact) => !ownKey(NAMED_FACTS, fact.name));

export const RECORD_FACTS: Readonly<Record<string, FactSpec>> = {
  ...NAMED_FACTS,
  ...Object.fromEntries(
    COLUMN_FACTS.map((fact) => {
      const kind = REGISTER_COLUMNS.find((c) => c.field === fact.field)?.kind as CellKind;
      return [fact.name, spec(fact.present ? 'boolean' : (UNIT_OF_KIND[kind] as Unit), fact.field, [fact.field])];
    }),
  ),
};

/**
 * The spec of a fact or parameter, or undefined when no rule may use that
 * name. Looked up by own keys only: `constructor`, `__proto__` or `toString`
 * are not facts.
 */
export function factSpec(name: string): FactSpec | undefined {
  if (typeof name !== 'string') return undefined;
  if (ownKey(RECORD_FACTS, name)) return RECORD_FACTS[name];
  if (ownKey(PARAMETERS.parameters, name)) return spec(PARAMETERS.parameters[name]!.unit as Unit, 'parameter');
  return undefined;
}
