import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every SQLite statement anew, and on the calling day's hot path preparing cost
 * as much as running (a claim or an outcome is a handful of small queries). The app sends the
 * same few hundred SQL texts over and over, so prepared statements are kept by their text, the
 * least recently used dropped first. A statement still being iterated (a stream) is busy and
 * cannot be shared: then a fresh one is prepared. Schema changes are safe: SQLite prepares a
 * kept statement again by itself when the schema it was made for has changed.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const found = kept.get(text);
      if (found && !found.busy) {
        kept.delete(text);
        kept.set(text, found);
        return found;
      }
      const statement = sqlite.prepare(text);
      if (!found) {
        kept.set(text, statement);
        if (kept.size > size) {
          const oldest = kept.keys().next().value;
          if (oldest !== undefined) kept.delete(oldest);
        }
      }
      return statement;
    },
  };
}
