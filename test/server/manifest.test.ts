/**
 * Least privilege: appsscript.json asks for exactly the scopes the built code
 * needs — each scope tied to the services that require it — and the code makes
 * no network calls.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_FILE } from '../support/apps-script-sandbox';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; timeZone: string; runtimeVersion: string };
const code = readFileSync(CODE_FILE, 'utf8');

const SCOPE_NEEDS: Record<string, RegExp> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly': /SpreadsheetApp\.getActiveSpreadsheet\(\)/,
  'https://www.googleapis.com/auth/script.container.ui': /\.showSidebar\(|\.alert\(|\.prompt\(/,
  'https://www.googleapis.com/auth/script.scriptapp': /ScriptApp\.newTrigger\(/,
};

describe('appsscript.json', () => {
  test('runs on V8 in Balikpapan\'s time zone', () => {
    expect([manifest.runtimeVersion, manifest.timeZone]).toEqual(['V8', 'Asia/Makassar']);
  });

  test('asks for exactly the scopes the code uses', () => {
    const used = Object.entries(SCOPE_NEEDS).filter(([, pattern]) => pattern.test(code)).map(([scope]) => scope);
    expect([...manifest.oauthScopes].sort()).toEqual(used.sort());
  });

  test('the code calls no network or broad services', () => {
    for (const service of ['UrlFetchApp', 'DriveApp', 'GmailApp', 'MailApp', 'CalendarApp', 'SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'fetch(']) {
      expect([service, code.includes(service)]).toEqual([service, false]);
    }
  });
});
