import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/** What a migration gets: the database and which dialect it speaks. */
export interface MigrationContext {
  // biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not follow schema.ts
  db: Kysely<any>;
  dialect: Dialect;
}

export interface FlytthitMigration {
  name: string;
  up(ctx: MigrationContext): Promise<void>;
}

/** An auto-incrementing integer key, the one thing the two dialects spell differently. */
export function serialId<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  dialect: Dialect,
): CreateTableBuilder<T, C | 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** ISO-8601 text timestamp, required. */
export const time = (c: ColumnDefinitionBuilder) => c.notNull();
