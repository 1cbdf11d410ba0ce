// Prepared statements for SQL built per query shape: prepared once per distinct text, then reused.
import type { Database, Statement } from 'better-sqlite3';

/** Returns `prepare(sql)`, remembering each statement (the shapes are few: one per filter set). */
export function statementCache<Row>(db: Database): (sql: string) => Statement<unknown[], Row> {
  const statements = new Map<string, Statement<unknown[], Row>>();
  return (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare<unknown[], Row>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
