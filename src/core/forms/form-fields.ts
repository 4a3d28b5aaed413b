/**
 * Which fields each sidebar form has, in the order shown, each tied to its
 * column of the workbook contract (label, kind, dropdown list). The sidebar
 * draws its inputs from here and the server writes the same columns.
 */
import type { FormKind } from '../../shared/forms';
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, type ColumnSpec } from '../workbook/columns';

const pick = (columns: ReadonlyArray<ColumnSpec>, fields: readonly string[]): ColumnSpec[] =>
  fields.map((field) => {
    const column = columns.find((c) => c.field === field);
    if (!column) throw new Error(`form-fields: no column for ${field}`);
    return column;
  });

export const FORM_FIELDS: Readonly<Record<FormKind, readonly ColumnSpec[]>> = {
  coop: pick(REGISTER_COLUMNS, [
    'id', 'name', 'kecamatan', 'kelurahan', 'deedNumber', 'deedDate', 'notary', 'skAhuNumber', 'skAhuDate', 'nib', 'npwp',
    'nikKoperasi', 'bankAccount', 'simkopdesAccount', 'businessProposal', 'mayorApproval', 'members', 'ownCapital', 'ratQuorumPercent', 'mentorId', 'outletStatus', 'partners',
  ]),
  rat: pick(MEETING_COLUMNS, ['coopId', 'bookYear', 'heldOn', 'membersPresent', 'members', 'reportedOn']),
  mentor: pick(MENTOR_COLUMNS, ['id', 'name', 'skills', 'startsOn', 'endsOn']),
  checklist: pick(REGISTER_COLUMNS, ['spCapital', 'separateBooks', 'workPlan3y', 'competentManager', 'office', 'auditedReport', 'spLicence']),
};

/** Fields a person must fill in. */
export const REQUIRED_FIELDS: Readonly<Record<FormKind, readonly string[]>> = {
  coop: ['id', 'name'],
  rat: ['coopId', 'bookYear', 'heldOn'],
  mentor: ['id', 'name'],
  checklist: [],
};
