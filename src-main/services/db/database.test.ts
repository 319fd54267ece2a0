import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from './database';
import { migrations } from './migrations';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'agent-desktop-db-')), 'cache.sqlite');

describe('openDatabase', () => {
  it('creates the schema and sets the pragmas on a real file', () => {
    const db = openDatabase(tempDb());
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('sets the same pragmas on a second connection to the same file', () => {
    const path = tempDb();
    openDatabase(path).close();
    const again = openDatabase(path, { synchronous: 'FULL' });
    expect(again.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = tempDb();
    const db = openDatabase(path);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer version/);
    const check = openDatabase(path, { readonly: true });
    expect(schemaVersion(check)).toBe(migrations.length + 5);
    check.close();
  });
});
