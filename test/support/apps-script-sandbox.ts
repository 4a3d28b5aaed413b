/**
 * Loads the built dist/Code.js the way Apps Script does: into a bare V8
 * context (node:vm) that holds only ECMAScript built-ins, `console`, `Logger`
 * and fakes of the Apps Script services — no `require`, `process`,
 * `setTimeout`, `setInterval`, `queueMicrotask` or `fetch`. Every later test
 * of the add-on drives it through here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { toClientValue } from './client-value';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './fakes/spreadsheet-app';
import { FakeCacheService, FakeHtmlService, FakeLockService, FakePropertiesService, FakeScriptApp, FakeSession, FakeUtilities } from './fakes/services';

/** The built project the sandbox loads; PANTAU_DIST_DIR points the tests at another build (e.g. an older commit's, to see a test fail there). */
export const DIST_DIR = process.env.PANTAU_DIST_DIR ?? path.resolve(__dirname, '..', '..', 'dist');
export const CODE_FILE = path.join(DIST_DIR, 'Code.js');

export interface Sandbox {
  context: vm.Context;
  scriptApp: FakeScriptApp;
  spreadsheetApp: FakeSpreadsheetApp;
  spreadsheet: FakeSpreadsheet;
  html: FakeHtmlService;
  properties: FakePropertiesService;
  cache: FakeCacheService;
  locks: FakeLockService;
  /** `Service.member` names the code touched, in order. */
  serviceLog: string[];
  logs: string[];
  /** Calls a top-level function as Apps Script would (trigger, menu, custom function). */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls a google.script.run target: arguments and result must be client-safe. */
  run(name: string, ...args: unknown[]): unknown;
  /** Names of the functions declared at top level. */
  topLevelFunctions(): string[];
}

export interface SandboxOptions {
  spreadsheet?: FakeSpreadsheet;
  code?: string;
  /** A simulated clock: `new Date()` and `Date.now()` in the script give this instant... */
  now?: Date;
  /** ...or whatever this returns at each call (a clock the test moves). */
  clock?: () => number;
  /** Where the built project is (default: this repository's dist/). */
  distDir?: string;
}

export function loadBundle(options: SandboxOptions = {}): Sandbox {
  const spreadsheetApp = new FakeSpreadsheetApp(options.spreadsheet);
  const distDir = options.distDir ?? DIST_DIR;
  const html = new FakeHtmlService(distDir);
  const properties = new FakePropertiesService();
  const cache = new FakeCacheService(() => (options.clock ? options.clock() : options.now ? options.now.getTime() : Date.now()));
  const locks = new FakeLockService();
  const serviceLog: string[] = [];
  const utilities = new FakeUtilities();
  const scriptApp = new FakeScriptApp();
  const logs: string[] = [];
  const record = <T extends object>(name: string, service: T): T =>
    new Proxy(service, {
      get(target, key, receiver) {
        if (typeof key === 'string') serviceLog.push(`${name}.${key}`);
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const log = (...args: unknown[]): void => {
    logs.push(args.map(String).join(' '));
  };
  const context = vm.createContext({
    console: { log, info: log, warn: log, error: log },
    Logger: record('Logger', { log }),
    SpreadsheetApp: record('SpreadsheetApp', spreadsheetApp),
    HtmlService: record('HtmlService', html),
    PropertiesService: record('PropertiesService', properties),
    CacheService: record('CacheService', cache),
    LockService: record('LockService', locks),
    Session: record('Session', new FakeSession()),
    Utilities: record('Utilities', utilities),
    ScriptApp: record('ScriptApp', scriptApp),
  });
  // The realm's own Date, taken once before the clock shim below replaces the global: the shim builds the very
  // same objects (same prototype), but evaluating 'Date' in the context for every cell cost more than the read.
  const RealmDate = vm.runInContext('Date', context) as DateConstructor;
  spreadsheetApp.realmDate = (time) => new RealmDate(time);
  utilities.realmDate = spreadsheetApp.realmDate;
  if (options.now || options.clock) {
    const fixed = options.now?.getTime() ?? 0;
    const clockFn = options.clock ?? (() => fixed);
    // The clock is handed to the shim as an argument, not as a global the script could see.
    const install = vm.runInContext(
      `(function (RealDate, clock) {
        function Date() {
          if (!new.target) return RealDate();
          return arguments.length === 0 ? new RealDate(clock()) : new (Function.prototype.bind.apply(RealDate, [null].concat([].slice.call(arguments))))();
        }
        Date.prototype = RealDate.prototype;
        Date.now = function () { return clock(); };
        Date.UTC = RealDate.UTC;
        Date.parse = RealDate.parse;
        globalThis.Date = Date;
      })`,
      context,
    ) as (realDate: unknown, clock: () => number) => void;
    install(vm.runInContext('Date', context), clockFn);
  }
  vm.runInContext(options.code ?? readFileSync(path.join(distDir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });

  const fn = (name: string): ((...args: unknown[]) => unknown) => {
    const value = (context as Record<string, unknown>)[name];
    if (typeof value !== 'function') throw new Error(`Code.js declares no top-level function ${name}`);
    return value as (...args: unknown[]) => unknown;
  };
  return {
    context,
    scriptApp,
    spreadsheetApp,
    spreadsheet: spreadsheetApp.getActiveSpreadsheet(),
    html,
    properties,
    cache,
    locks,
    serviceLog,
    logs,
    call: (name, ...args) => fn(name)(...args),
    run: (name, ...args) => {
      const sent = args.map((arg, i) => toClientValue(arg, `${name} argument ${i + 1}`));
      return toClientValue(fn(name)(...sent), `${name}() result`);
    },
    topLevelFunctions: () =>
      Object.getOwnPropertyNames(context).filter((key) => typeof (context as Record<string, unknown>)[key] === 'function' && vm.runInContext(`typeof ${key}`, context) === 'function' && !SERVICE_NAMES.has(key)),
  };
}

const SERVICE_NAMES = new Set(['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'CacheService', 'LockService', 'Session', 'ScriptApp', 'Utilities', 'Logger', 'console']);
