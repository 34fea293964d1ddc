/**
 * The DuckDB baseline: the same marks loaded into an in-process DuckDB (2 threads) and the same
 * grouping in SQL, on the marks as read (string keys, the headline) and on a copy dictionary-encoded
 * like the engine's store. Loading (CSV read, version resolution) and encoding are timed apart from
 * the queries, which are what is compared with the columnar engine.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CODE_TABLE } from '@attendance-kit/core';
import type { SchoolTotals } from './compare.js';

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * An open DuckDB holding the marks twice: as read, `r(school_urn, pupil_id, code_text)`, and
 * dictionary-encoded like the engine's store, `m(enrolment, code)` with `p(enrolment, school_urn)`.
 */
export interface DuckDbMarks {
  /** CSV read and versions resolved (table `r`). */
  readonly loadMs: number;
  /** The extra time to build the encoded table `m`. */
  readonly encodeMs: number;
  readonly marks: number;
  /** The grouping on the marks as read (string keys): the headline DuckDB figure. */
  readonly query: () => Promise<SchoolTotals>;
  /** The same grouping on the encoded table: DuckDB given the engine's own data layout. */
  readonly queryEncoded: () => Promise<SchoolTotals>;
  readonly close: () => void;
}

const run = async (c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> =>
  (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

/**
 * Loads the dataset folder's marks.csv and pupils.csv. Versions are resolved as the canonical
 * format says (latest `recorded_at` wins; an empty one is oldest); the bench data never has two
 * versions with equal stamps, so the "later row wins" tie-break is not needed here.
 */
export const loadDuckDb = async (dir: string, threads = 2): Promise<DuckDbMarks> => {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await instance.connect();
  const t0 = performance.now();
  const codes = CODE_TABLE.map((info, id) => {
    const possible = ['present', 'aea', 'authorised', 'unauthorised'].includes(info.category);
    const absent = info.category === 'authorised' || info.category === 'unauthorised';
    return `(${sqlString(info.code)}, ${id}, ${possible}, ${absent})`;
  });
  await run(c, `CREATE TABLE codes (code_text VARCHAR, code UTINYINT, possible BOOLEAN, absent BOOLEAN); INSERT INTO codes VALUES ${codes.join(', ')}`);
  await run(
    c,
    `CREATE TABLE p AS SELECT (row_number() OVER () - 1)::UINTEGER AS enrolment, school_urn, pupil_id
     FROM read_csv(${sqlString(join(dir, 'pupils.csv'))}, header = true, all_varchar = true)`,
  );
  // The marks as read (strings), versions resolved: what a DuckDB user would query.
  await run(
    c,
    `CREATE TABLE r AS
     SELECT school_urn, pupil_id, arg_max(code, coalesce(recorded_at, '')) AS code_text
     FROM read_csv(${sqlString(join(dir, 'marks.csv'))}, header = true, all_varchar = true)
     GROUP BY school_urn, pupil_id, date, session`,
  );
  const loadMs = performance.now() - t0;
  // The same marks dictionary-encoded like the engine's store (integer enrolment and code, sorted).
  const t1 = performance.now();
  await run(c, `CREATE TABLE m AS SELECT p.enrolment, codes.code FROM r JOIN p USING (school_urn, pupil_id) JOIN codes USING (code_text) ORDER BY p.enrolment`);
  const encodeMs = performance.now() - t1;
  const marks = Number((await run(c, 'SELECT count(*) AS n FROM r'))[0]?.['n']);
  // Per enrolment per code counts -> per enrolment possible/absence -> per school totals with PA and
  // severe (>= 10 % and >= 50 % of the enrolment's own possible sessions, exact integer tests).
  const stringSql = `
    WITH ec AS MATERIALIZED (SELECT school_urn, pupil_id, code_text, count(*) AS n FROM r GROUP BY ALL),
    e AS (
      SELECT school_urn, pupil_id, sum(n) FILTER (WHERE possible) AS pos, coalesce(sum(n) FILTER (WHERE absent), 0) AS ab
      FROM ec JOIN codes USING (code_text) GROUP BY ALL HAVING sum(n) FILTER (WHERE possible) > 0
    ),
    s AS (
      SELECT school_urn, count(*) AS enrolments, count(*) FILTER (WHERE ab * 10 >= pos) AS pa,
        count(*) FILTER (WHERE ab * 2 >= pos) AS severe
      FROM e GROUP BY school_urn
    ),
    sc AS (
      SELECT school_urn, list(code ORDER BY code) AS codes, list(n ORDER BY code) AS ns
      FROM (SELECT ec.school_urn, codes.code, sum(n) AS n FROM ec SEMI JOIN e USING (school_urn, pupil_id) JOIN codes USING (code_text) GROUP BY ALL)
      GROUP BY school_urn
    )
    SELECT * FROM s JOIN sc USING (school_urn)`;
  const encodedSql = `
    WITH ec AS MATERIALIZED (SELECT enrolment, code, count(*) AS n FROM m GROUP BY enrolment, code),
    e AS (
      SELECT enrolment, sum(n) FILTER (WHERE possible) AS pos, coalesce(sum(n) FILTER (WHERE absent), 0) AS ab
      FROM ec JOIN codes USING (code) GROUP BY enrolment HAVING sum(n) FILTER (WHERE possible) > 0
    ),
    s AS (
      SELECT school_urn, count(*) AS enrolments, count(*) FILTER (WHERE ab * 10 >= pos) AS pa,
        count(*) FILTER (WHERE ab * 2 >= pos) AS severe
      FROM e JOIN p USING (enrolment) GROUP BY school_urn
    ),
    sc AS (
      SELECT school_urn, list(code ORDER BY code) AS codes, list(n ORDER BY code) AS ns
      FROM (SELECT school_urn, code, sum(n) AS n FROM ec SEMI JOIN e USING (enrolment) JOIN p USING (enrolment) GROUP BY ALL)
      GROUP BY school_urn
    )
    SELECT * FROM s JOIN sc USING (school_urn)`;
  const query = (sql: string) => async (): Promise<SchoolTotals> => {
    const out: Record<string, { enrolments: number; pa: number; severe: number; byCode: Record<string, number> }> = {};
    for (const row of await run(c, sql)) {
      const byCode: Record<string, number> = {};
      const ids = row['codes'] as number[];
      const ns = row['ns'] as (number | bigint)[];
      ids.forEach((id, k) => {
        byCode[CODE_TABLE[id]?.code ?? '?'] = Number(ns[k]);
      });
      out[String(row['school_urn'])] = { enrolments: Number(row['enrolments']), pa: Number(row['pa']), severe: Number(row['severe']), byCode };
    }
    return out;
  };
  return {
    loadMs,
    encodeMs,
    marks,
    query: query(stringSql),
    queryEncoded: query(encodedSql),
    close: () => {
      c.closeSync();
      instance.closeSync();
    },
  };
};
