/**
 * A corpus of hostile rule sets, each put in the `Aturan` sheet of the
 * Balikpapan sample and checked through the workbook reader and the core (the
 * path of the command line; a sample of them also through "Periksa semua" in
 * the Apps Script sandbox): prototype names as facts, parameters, checks,
 * messages and statuses; values of the wrong type for every operator and
 * decorator; missing last-resort statuses; nesting up to a 50,000-character
 * cell; huge lists; broken JSON. For every one: no exception escapes, it is
 * reported at its Aturan row, and every co-op keeps the status the bundled
 * rules give it. Prints one summary line.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { prepareRun, runChecks, type PreparedRun } from '../../src/core/check-run';
import { BUNDLED_RULE_SETS, CHECK_IDS, type RuleSetFile } from '../../src/core/rule-data';
import { checkInputFrom, readWorkbook, type SheetValues } from '../../src/core/workbook/workbook-reader';
import type { CheckInput, CheckRun } from '../../src/shared/types';
import { loadBundle } from '../support/apps-script-sandbox';
import { workbookFrom } from '../support/workbook-fixture';

/** Sheets hold at most 50,000 characters in a cell. */
const CELL_LIMIT = 50_000;
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', 'toLocaleString'];
const BASE_OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const DECORATORS = ['', 'not:', 'someFact:', 'someValue:', 'everyFact:', 'everyValue:', 'not:someValue:', 'everyValue:not:'];

/** A small deterministic generator, so a failure can be reproduced by its index. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface Leaf {
  fact: string;
  operator: string;
  value: Json;
}
/** Every leaf condition of a rule set, to mutate in place. */
function leaves(node: Json, out: Leaf[] = []): Leaf[] {
  if (Array.isArray(node)) node.forEach((n) => leaves(n, out));
  else if (node !== null && typeof node === 'object') {
    if (typeof node.fact === 'string' && 'operator' in node) out.push(node as unknown as Leaf);
    else Object.values(node).forEach((n) => leaves(n, out));
  }
  return out;
}

/** What cannot work with an operator: a value of the wrong type (the decorator/operator needs a list, a number, or one value). */
function wrongValue(operator: string, random: () => number): Json {
  const pick = (list: Json[]): Json => list[Math.floor(random() * list.length)] as Json;
  if (/some(Fact)|every(Fact)|contains|doesNotContain/.test(operator)) return pick([true, 3, 'x', [1, 2], null]);
  if (/someValue|everyValue/.test(operator) || /(^|:)(in|notIn)$/.test(operator)) return pick([true, 3, 'lima', null, { fact: 'checkDay' }, {}]);
  if (/Than/.test(operator)) return pick(['13', true, null, [13], {}, { nested: [1] }]);
  return pick([[true], [1, 2, 3], {}, { a: 1 }, [[null]]]);
}

/** One hostile rule set as the text of an Aturan cell, and what kind it is. */
function hostile(index: number): { kind: string; text: string } {
  const random = prng(index * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const base = copy(BUNDLED_RULE_SETS[index % BUNDLED_RULE_SETS.length] as RuleSetFile) as unknown as { check: string; rules: Array<Record<string, Json>> } & Record<string, Json>;
  const all = leaves(base as unknown as Json);
  const kind = index % 10;
  switch (kind) {
    case 0: {
      // A prototype name where a fact is named (either side of the operator).
      const leaf = pick(all);
      if (random() < 0.5) leaf.fact = pick(PROTOTYPE_NAMES);
      else leaf.value = { fact: pick(PROTOTYPE_NAMES) };
      return { kind: 'prototype name as fact', text: JSON.stringify(base) };
    }
    case 1: {
      // A prototype name as check, status, message or requirement fact.
      const rule = pick(base.rules) as { event: { type: string; params: Record<string, Json> } };
      const where = pick(['check', 'status', 'message', 'fact']);
      if (where === 'check') base.check = pick(PROTOTYPE_NAMES);
      else if (rule.event.type === 'status') rule.event.params.status = pick(['constructor', 'TO_STRING', '__PROTO__', 'VALUE_OF']);
      else rule.event.params[where === 'fact' ? 'fact' : 'message'] = pick(PROTOTYPE_NAMES);
      return { kind: 'prototype name as check, status or message', text: JSON.stringify(base) };
    }
    case 2:
    case 3: {
      // A value of the wrong type for an operator (with or without a decorator).
      const leaf = pick(all);
      leaf.operator = `${pick(DECORATORS)}${pick(BASE_OPERATORS)}`;
      leaf.value = wrongValue(leaf.operator, random);
      return { kind: 'wrong value type for the operator', text: JSON.stringify(base) };
    }
    case 4: {
      // No last-resort status: the lowest status rules removed (or every status rule).
      const statuses = base.rules.filter((r) => (r.event as { type: string }).type === 'status').sort((a, b) => (a.priority as number) - (b.priority as number));
      const drop = random() < 0.2 ? statuses.length : 1;
      const gone = new Set(statuses.slice(0, drop));
      base.rules = base.rules.filter((r) => !gone.has(r));
      return { kind: 'missing fallback status', text: JSON.stringify(base) };
    }
    case 5: {
      // Deep nesting, up to what a cell holds.
      const rule = pick(base.rules.filter((r) => (r.event as { type: string }).type === 'requirement')) ?? (base.rules[0] as Record<string, Json>);
      const wrapper = pick(['not', 'all', 'any']);
      const inner = JSON.stringify(rule.conditions);
      rule.conditions = 'NESTED' as unknown as Json;
      const outer = JSON.stringify(base);
      // Built as text: JSON.stringify itself would overflow the stack on such a value.
      const [open, close] = wrapper === 'not' ? ['{"not":', '}'] : [`{"${wrapper}":[`, ']}'];
      const room = CELL_LIMIT - outer.length - inner.length - 20;
      const depth = Math.max(45, Math.floor((0.2 + 0.8 * random()) * (room / (open.length + close.length))));
      const nested = `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
      return { kind: 'deep nesting', text: outer.replace('"NESTED"', wrapper === 'not' ? `{"all":[${nested}]}` : nested) };
    }
    case 6: {
      // A huge list: more values than a rule set may hold, or a list where a number is needed.
      const leaf = pick(all);
      const room = Math.floor((CELL_LIMIT - JSON.stringify(base).length - 10) / 2);
      const n = 10_001 + Math.floor(random() * (room - 10_001));
      leaf.operator = pick(['in', 'notIn', 'lessThan', 'everyValue:equal']);
      leaf.value = leaf.operator === 'lessThan' ? Array.from({ length: 1000 }, () => 0) : Array.from({ length: n }, () => 0);
      return { kind: 'huge list', text: JSON.stringify(base) };
    }
    case 7: {
      // Broken JSON or JSON of the wrong shape.
      const text = JSON.stringify(base);
      return {
        kind: 'broken JSON or wrong shape',
        text: pick([
          text.slice(0, Math.floor(random() * text.length)),
          '[]', 'null', '42', '"aturan"', '{}', '{"check":"legal"}', `{"check":"legal","title":{"id":"a","en":"b"},"rules":[]}`,
          `${text}}`, text.replace(/"/g, "'"), 'x'.repeat(CELL_LIMIT),
        ]),
      };
    }
    case 8: {
      // Unknown facts, operators, messages, statuses; wrong priorities; duplicate names.
      const rule = pick(base.rules) as { name: string; priority: number; event: { type: string; params: Record<string, Json> } };
      const what = pick(['fact', 'operator', 'message', 'priority', 'duplicate', 'status']);
      const leaf = pick(all);
      if (what === 'fact') leaf.fact = pick(['nibAda', 'modal', 'checkday', '', ' hasSkAhu']);
      else if (what === 'operator') leaf.operator = pick(['atLeast', 'equals', 'not:', 'in:equal', 'swap', '==']);
      else if (what === 'message' && rule.event.type === 'requirement') rule.event.params.message = 'tidak.ada';
      else if (what === 'priority') rule.priority = pick([0, -1, 1.5, rule.event.type === 'status' ? 100 : 50]) as number;
      else if (what === 'duplicate') base.rules.push(copy(rule as unknown as Record<string, Json>));
      else base.rules.push({ name: 'x.status', priority: 99, conditions: { all: [] }, event: { type: 'status', params: { status: 'LULUS', severity: 'ok' } } });
      if (what === 'message' && rule.event.type !== 'requirement') rule.event.params.severity = 'hijau';
      return { kind: 'unknown names and wrong priorities', text: JSON.stringify(base) };
    }
    default: {
      // A valid-looking rule set that changes what the bundled cases say (every status rule passes at once).
      for (const r of base.rules) if ((r.event as { type: string }).type === 'status') r.conditions = { all: [{ fact: 'checkDay', operator: 'greaterThan', value: 0 }] };
      const top = base.rules.filter((r) => (r.event as { type: string }).type === 'status').sort((a, b) => (b.priority as number) - (a.priority as number))[random() < 0.5 ? 0 : 1] ?? base.rules[0]!;
      top.priority = 99;
      return { kind: 'changes the bundled cases', text: JSON.stringify(base) };
    }
  }
}

const SAMPLE = balikpapanSample();
const statusesOf = (run: CheckRun): string[] => run.results.map((r) => `${r.coopId}:${CHECK_IDS.map((c) => r.checks[c]!.status).join(',')}`);

/** The sample as sheets, with one Aturan row. */
const SAMPLE_SHEETS: SheetValues[] = workbookFrom(SAMPLE).getSheets().map((sheet) => ({ name: sheet.getName(), values: sheet.getDataRange().getValues() as unknown[][] }));
function sheetsWith(text: string): SheetValues[] {
  return [...SAMPLE_SHEETS, { name: 'Aturan', values: [['Pemeriksaan', 'Aturan JSON'], ['', text]] }];
}

describe('hostile rule sets through the Aturan sheet', () => {
  const CORPUS = 1_000;
  const bundled = statusesOf(runChecks(SAMPLE));

  test(`${CORPUS} generated hostile rule sets: none escapes, all reported, bundled statuses stay`, () => {
    const context = { dateToIso: (d: Date) => d.toISOString().slice(0, 10) };
    const tally = { tried: 0, escaped: 0, reported: 0, changed: 0, maxChars: 0, fullRuns: 0 };
    const byKind = new Map<string, number>();
    const failures: string[] = [];
    for (let i = 0; i < CORPUS; i += 1) {
      const { kind, text } = hostile(i);
      expect(text.length).toBeLessThanOrEqual(CELL_LIMIT);
      tally.tried += 1;
      tally.maxChars = Math.max(tally.maxChars, text.length);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      let prepared: PreparedRun;
      let input: CheckInput;
      try {
        input = checkInputFrom(readWorkbook(sheetsWith(text), context), SAMPLE.asOf);
        prepared = prepareRun(input);
      } catch (error) {
        tally.escaped += 1;
        failures.push(`#${i} ${kind}: escaped ${(error as Error).message}`);
        continue;
      }
      if (prepared.problems.some((p) => p.where.startsWith('sheet Aturan, baris 2'))) tally.reported += 1;
      else failures.push(`#${i} ${kind}: not reported`);
      // The rules in force are the bundled ones, object for object: every co-op keeps its bundled statuses.
      if (!prepared.ruleSets.every((ruleSet, k) => ruleSet === BUNDLED_RULE_SETS[k])) {
        tally.changed += 1;
        failures.push(`#${i} ${kind}: rules in force changed`);
      }
      // And, for one in twenty, the whole check run over all the co-ops, status for status.
      if (i % 20 === 0) {
        tally.fullRuns += 1;
        const run = runChecks(input);
        if (statusesOf(run).join('|') !== bundled.join('|') || run.problems.every((p) => !p.where.startsWith('sheet Aturan, baris 2'))) {
          tally.changed += 1;
          failures.push(`#${i} ${kind}: statuses changed`);
        }
      }
    }
    console.log(
      `hostile rule sets through Aturan: ${tally.tried} tried (${Array.from(byKind, ([k, n]) => `${k} ${n}`).join(', ')}; longest ${tally.maxChars} characters), ` +
        `${tally.escaped} exceptions escaped, ${tally.reported} reported at their Aturan row, ${tally.changed} changed the rules in force or a status ` +
        `(bundled rules kept for all ${tally.tried}; ${tally.fullRuns} also checked co-op by co-op over ${SAMPLE.coops.length} co-ops)`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(tally).toMatchObject({ tried: CORPUS, escaped: 0, reported: CORPUS, changed: 0 });
  });

  test('a sample of them through "Periksa semua" in the Apps Script sandbox: reported in Hasil Pemeriksaan, statuses as bundled', () => {
    const reference = workbookFrom(SAMPLE);
    loadBundle({ spreadsheet: reference, now: new Date('2026-11-24T06:00:00Z') }).run('runCheckAll');
    const statusColumns = (rows: unknown[][]): unknown[][] => rows.slice(1, SAMPLE.coops.length + 1).map((row) => row.slice(0, 2 + CHECK_IDS.length));
    const expected = statusColumns(reference.getSheetByName('Hasil Pemeriksaan')!.dump());
    for (const i of [0, 1, 2, 4, 5, 6, 7, 8, 9, 14, 15, 24, 25]) {
      const ss = workbookFrom(SAMPLE);
      ss.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ['', hostile(i).text]]);
      loadBundle({ spreadsheet: ss, now: new Date('2026-11-24T06:00:00Z') }).run('runCheckAll');
      const rows = ss.getSheetByName('Hasil Pemeriksaan')!.dump();
      expect([i, statusColumns(rows)]).toEqual([i, expected]);
      expect([i, rows.some((row) => row.some((cell) => typeof cell === 'string' && cell.startsWith('sheet Aturan, baris 2')))]).toEqual([i, true]);
    }
  });
});
