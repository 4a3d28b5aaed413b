/**
 * Fakes of the smaller Apps Script services Pantau KKMP calls: HtmlService
 * (serving the built dist/ HTML files), PropertiesService, LockService,
 * Session and ScriptApp's AuthMode enum. Each records what the code did.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleDateFormat } from './sheets-semantics';

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
 * Utilities.formatDate as Apps Script documents it: Java's SimpleDateFormat
 * in the given time zone (the rules and their sources are in
 * ./sheets-semantics.ts, simpleDateFormat).
 */
export class FakeUtilities {
  /** How many times the script called formatDate (each is a service call in Apps Script). */
  formatDateCalls = 0;

  formatDate(date: Date, timeZone: string, pattern: string): string {
    this.formatDateCalls += 1;
    return simpleDateFormat(new Date(date.getTime()), timeZone, pattern);
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

  /** Utilities.DigestAlgorithm and Utilities.Charset (the members Pantau KKMP uses). */
  readonly DigestAlgorithm = Object.freeze({ MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256' });
  readonly Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

  /**
   * Utilities.computeDigest(algorithm, value, charset): the digest as Apps
   * Script returns it, an array of Java bytes (signed, −128…127)
   * (developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String,Charset)).
   */
  computeDigest(algorithm: string, value: string, charset = 'UTF_8'): number[] {
    const name = ({ MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256' } as Record<string, string>)[algorithm];
    if (!name) throw new Error(`Invalid argument: algorithm`);
    const bytes = createHash(name).update(Buffer.from(String(value), charset === 'US_ASCII' ? 'latin1' : 'utf8')).digest();
    return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
  }

  /** Makes Dates of the script's realm (set by the sandbox). */
  realmDate: (time: number) => Date = (time) => new Date(time);
}

/**
 * CacheService's document cache, with the limits Apps Script documents
 * (developers.google.com/apps-script/reference/cache/cache): keys up to 250
 * characters, values up to 100 KB, at most 1,000 entries (older ones evicted
 * first), expiration at most 21,600 seconds (6 hours); `get` of a missing or
 * expired key returns null; `getAll` returns only the keys found.
 */
export class FakeCache {
  static readonly MAX_VALUE_BYTES = 100 * 1024;
  static readonly MAX_ENTRIES = 1000;
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.now()) return null;
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (key.length > 250) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > FakeCache.MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    const seconds = Math.min(Math.max(1, expirationInSeconds), 21_600);
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + seconds * 1000 });
    while (this.entries.size > FakeCache.MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
  /** Test helper: drop everything (as when entries expire). */
  clear(): void {
    this.entries.clear();
  }
}

export class FakeCacheService {
  readonly documentCache: FakeCache;
  constructor(now: () => number = Date.now) {
    this.documentCache = new FakeCache(now);
  }
  getDocumentCache(): FakeCache {
    return this.documentCache;
  }
}
