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

/** Each scope Apps Script could ask for, and the calls in the code that would need it. */
const SCOPE_NEEDS: Record<string, RegExp> = {
  // This workbook only: every read and write goes through the active spreadsheet.
  'https://www.googleapis.com/auth/spreadsheets.currentonly': /SpreadsheetApp\.getActiveSpreadsheet\(\)/,
  // The menu's sidebar, the "Periksa semua" dialog and the alerts and prompts.
  'https://www.googleapis.com/auth/script.container.ui': /\.showSidebar\(|\.showModalDialog\(|\.alert\(|\.prompt\(/,
  // Triggers ("run when you are not present" on the consent screen): none since the check-all dialog drives the parts.
  'https://www.googleapis.com/auth/script.scriptapp': /ScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger|getUserTriggers)\b/,
};

describe('appsscript.json', () => {
  test('runs on V8 in Balikpapan\'s time zone', () => {
    expect([manifest.runtimeVersion, manifest.timeZone]).toEqual(['V8', 'Asia/Makassar']);
  });

  test('asks for exactly the scopes the code uses', () => {
    const used = Object.entries(SCOPE_NEEDS).filter(([, pattern]) => pattern.test(code)).map(([scope]) => scope);
    expect([...manifest.oauthScopes].sort()).toEqual(used.sort());
  });

  test('lists exactly this workbook and the add-on\'s own windows: no trigger scope', () => {
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    expect(code).not.toMatch(/ScriptApp\.\w*[Tt]rigger/);
    // Each listed scope is tied to code that needs it: the dialog is what the container-UI scope is for, too.
    expect(code).toMatch(/\.showModalDialog\(/);
  });

  test('the scope patterns would notice a trigger', () => {
    expect(SCOPE_NEEDS['https://www.googleapis.com/auth/script.scriptapp']!.test("ScriptApp.newTrigger('x').timeBased()")).toBe(true);
  });

  test('the code calls no network or broad services', () => {
    for (const service of ['UrlFetchApp', 'DriveApp', 'GmailApp', 'MailApp', 'CalendarApp', 'SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl', 'fetch(']) {
      expect([service, code.includes(service)]).toEqual([service, false]);
    }
  });
});
