/**
 * Fakes of the smaller Apps Script services Pantau KKMP calls: HtmlService
 * (serving the built dist/ HTML files), PropertiesService, LockService,
 * Session and ScriptApp's AuthMode enum. Each records what the code did.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class FakeHtmlOutput {
  private title = '';
  private width = 300;
  private height = 0;
  constructor(private content: string) {}
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  getContent(): string {
    return this.content;
  }
}

export class FakeHtmlService {
  constructor(private readonly distDir: string) {}
  /** Like Apps Script: the project's file `name` + `.html`; a missing file is an error. */
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    const file = path.join(this.distDir, `${name}.html`);
    try {
      return new FakeHtmlOutput(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`No HTML file named ${name} was found.`);
    }
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
}

export class FakeProperties {
  private readonly values = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.values.has(key) ? (this.values.get(key) as string) : null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.values.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.values.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}

export class FakePropertiesService {
  readonly user = new FakeProperties();
  readonly document = new FakeProperties();
  readonly script = new FakeProperties();
  getUserProperties(): FakeProperties {
    return this.user;
  }
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
}

export class FakeLock {
  held = false;
  /** Set by tests to simulate another execution holding the lock. */
  heldElsewhere = false;
  tryLock(_timeoutMs: number): boolean {
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.held = false;
  }
}

export class FakeLockService {
  readonly documentLock = new FakeLock();
  getDocumentLock(): FakeLock {
    return this.documentLock;
  }
}

export const AUTH_MODE = Object.freeze({ NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' });

/**
 * ScriptApp: only the AuthMode enum. Pantau KKMP asks for no
 * `script.scriptapp` scope, so it may create no trigger; this fake offers no
 * trigger methods, and a call to one fails as it would without the scope.
 */
export class FakeScriptApp {
  readonly AuthMode = AUTH_MODE;
}

export class FakeSession {
  constructor(private readonly timeZone = 'Asia/Makassar') {}
  getScriptTimeZone(): string {
    return this.timeZone;
  }
}

/**
 * Utilities.formatDate with the SimpleDateFormat letters Pantau KKMP uses
 * (yyyy, MM, dd, HH, mm, ss), in the given time zone.
 */
export class FakeUtilities {
  /** How many times the script called formatDate (each is a service call in Apps Script). */
  formatDateCalls = 0;
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  formatDate(date: Date, timeZone: string, pattern: string): string {
    this.formatDateCalls += 1;
    let format = this.formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      this.formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(
      format
        .formatToParts(new Date(date.getTime()))
        .map((p) => [p.type, p.value]),
    );
    return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => ({ yyyy: parts.year, MM: parts.month, dd: parts.day, HH: parts.hour, mm: parts.minute, ss: parts.second })[token] as string);
  }

  /** Utilities.parseDate for 'yyyy-MM-dd': midnight of that day in the time zone (null-safe as Apps Script throws). */
  parseDate(text: string, timeZone: string, pattern: string): Date {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (pattern !== 'yyyy-MM-dd' || !match) throw new Error(`Unparseable date: "${text}"`);
    const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    const local = this.formatDate(new Date(guess), timeZone, 'yyyy-MM-dd HH:mm:ss');
    const [d, t] = local.split(' ') as [string, string];
    const asUtc = Date.parse(`${d}T${t}Z`);
    return this.realmDate(guess - (asUtc - guess));
  }

  /** Makes Dates of the script's realm (set by the sandbox). */
  realmDate: (time: number) => Date = (time) => new Date(time);
}
