import { fc, test } from '@fast-check/vitest';
import { splitBytes } from '@attendance-kit/adapter-kit/testing';
import { rawRecordsOf } from '../src/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const rowsOf = (raws: ReturnType<typeof rawRecordsOf>): unknown[] => raws.flatMap((r) => (r.data._tag === 'row' ? [r.data.row] : []));
const cuts = fc.array(fc.oneof(fc.nat({ max: 4 }), fc.nat({ max: 4000 })), { maxLength: 12 });

// The streaming reader must give what a whole-document JSON.parse gives (RFC 8259), for any row text.
test.prop([fc.array(fc.jsonValue(), { maxLength: 10 }), cuts, fc.boolean(), fc.boolean()])(
  '[BROM-2] a valid page streams to exactly the rows JSON.parse reads from its data array, however its bytes are split',
  (rows, at, pretty, bom) => {
    const text = JSON.stringify({ success: true, data: rows }, null, pretty ? 2 : undefined);
    const bytes = enc(`${bom ? '\uFEFF' : ''}${text}`);
    const raws = rawRecordsOf('p.json', ...splitBytes(bytes, at));
    const want = (JSON.parse(text) as { data: unknown[] }).data;
    return JSON.stringify(rowsOf(raws)) === JSON.stringify(want) && raws.filter((r) => r.data._tag === 'page').length === 1 && raws.every((r) => r.data._tag !== 'problem');
  },
);

test.prop([fc.array(fc.jsonValue(), { maxLength: 6 }), fc.nat(), cuts])(
  '[BROM-3] a page cut short keeps exactly the rows completed before the cut, and says it is truncated',
  (rows, n, at) => {
    const text = JSON.stringify({ success: true, data: rows });
    const open = text.indexOf('[') + 1;
    const cut = open + (n % (text.length - 1 - open)); // somewhere inside the data array
    const raws = rawRecordsOf('p.json', ...splitBytes(enc(text.slice(0, cut)), at));
    const got = rowsOf(raws);
    const problems = raws.filter((r) => r.data._tag === 'problem').map((r) => (r.data._tag === 'problem' ? r.data.code : ''));
    // The completed rows are a prefix of the page's rows.
    return problems.join() === 'bromcom/bad-json' && JSON.stringify(got) === JSON.stringify(rows.slice(0, got.length));
  },
);
