import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { splitBytes } from './testing.js';
import { recordPaths, splitXmlRecords, type XmlRecordEvent } from './xml-records.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const isRecord = recordPaths(['Export/Items/Item']);
const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

// Text that may hold '>' and any character (escaped as XML requires).
const text = (chars: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.string({ unit: chars, maxLength: 12 }).map(esc);
const latin1Char = fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c));
const anyChar = fc.oneof(latin1Char, fc.constantFrom('>', '"', "'", '\u20ac', '\u{1F600}', '\n'));

/** One record element as text: attributes holding '>', comments, CDATA, nested and self-closing elements. */
const recordOf = (chars: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        text(chars),
        text(chars).map((t) => `<!--${t.replaceAll('-', '_')}-->`),
        fc.string({ unit: chars, maxLength: 8 }).map((t) => `<![CDATA[${t.replaceAll(']]>', '')}<Item>]]>`),
        text(chars).map((t) => `<Child at="${t.replaceAll('"', '')}>">${t}</Child>`),
        fc.constant('<Empty/>'),
        fc.constant('<Item>nested same name</Item>'),
      ),
      { maxLength: 5 },
    )
    .chain((parts) => fc.constantFrom(`<Item k='a>b'>${parts.join('')}</Item>`, parts.length === 0 ? '<Item/>' : `<Item\n>${parts.join('')}</Item >`));

const docOf = (records: readonly string[], decl = '<?xml version="1.0" encoding="UTF-8"?>'): string =>
  `${decl}\n<!-- <Item>not a record</Item> -->\n<Export><Header><Item>not under Items</Item></Header><Items>\n${records.join('\n')}\n</Items></Export>\n`;

const recordTexts = (events: readonly XmlRecordEvent[]): string[] => events.flatMap((e) => (e.kind === 'record' ? [e.text] : []));
const cuts = fc.array(fc.oneof(fc.nat({ max: 8 }), fc.nat({ max: 3000 })), { maxLength: 15 });

describe('streaming XML record splitter', () => {
  test.prop([fc.array(recordOf(anyChar), { maxLength: 6 }), cuts, fc.boolean()])(
    '[XML-1] splitting the input into arbitrary chunks gives the same events as one chunk',
    (records, at, bom) => {
      const bytes = enc(`${bom ? '\uFEFF' : ''}${docOf(records)}`);
      expect(splitXmlRecords(splitBytes(bytes, at), { isRecord })).toEqual(splitXmlRecords(bytes, { isRecord }));
    },
  );

  test.prop([fc.array(recordOf(anyChar), { maxLength: 6 }), cuts])(
    '[XML-2] each record element is handed back whole, in order, exactly as written (comments, CDATA, ">" in attributes and nesting do not cut it)',
    (records, at) => {
      const events = splitXmlRecords(splitBytes(enc(docOf(records)), at), { isRecord });
      expect(recordTexts(events)).toEqual(records);
      expect(events.at(-1)).toMatchObject({ kind: 'end', records: records.length });
    },
  );

  test.prop([fc.array(recordOf(anyChar), { minLength: 1, maxLength: 5 }), fc.nat()])(
    '[XML-3] a document cut short gives the records completed before the cut, then one fatal truncated error',
    (records, n) => {
      const full = enc(docOf(records));
      const rootEnd = full.lastIndexOf(0x3e) + 1; // after </Export>
      const cut = n % rootEnd;
      const events = splitXmlRecords(full.subarray(0, cut), { isRecord });
      const got = recordTexts(events);
      const doc = docOf(records);
      const headLen = enc(doc.slice(0, doc.indexOf('<Items>\n') + 8)).length;
      const complete = records.filter((_, i) => headLen + enc(records.slice(0, i + 1).join('\n')).length <= cut).length;
      expect(got).toEqual(records.slice(0, complete));
      const last = events.at(-1);
      expect(last?.kind).toBe('error');
      expect(last?.kind === 'error' && last.fatal).toBe(true);
      expect(events.filter((e) => e.kind === 'error')).toHaveLength(1);
    },
  );

  test.prop([fc.array(recordOf(anyChar), { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom('<!DOCTYPE x [<!ENTITY a "b">]>', '<!ENTITY lol "lol">', '<!doctype x SYSTEM "file:///etc/passwd">', '<!ELEMENT a ANY>')])(
    '[XML-4] a DOCTYPE or entity declaration anywhere in the markup is a fatal doctype error, and no record after it is handed back',
    (records, n, dtd) => {
      const k = n % (records.length + 1);
      const withDtd = [...records.slice(0, k), dtd, ...records.slice(k)];
      const events = splitXmlRecords(enc(docOf(withDtd)), { isRecord });
      expect(recordTexts(events)).toEqual(records.slice(0, k));
      expect(events.at(-1)).toMatchObject({ kind: 'error', code: 'doctype', fatal: true });
    },
  );

  test.prop([fc.array(recordOf(latin1Char), { maxLength: 5 }), cuts, fc.constantFrom('latin1', 'utf-16le', 'utf-16be')])(
    '[XML-5] the same document in Latin-1 (declared) or UTF-16 (by its byte-order mark) gives the same record texts as in UTF-8',
    (records, at, encoding) => {
      const utf8 = recordTexts(splitXmlRecords(enc(docOf(records)), { isRecord }));
      const text = docOf(records, `<?xml version="1.0" encoding="${encoding === 'latin1' ? 'ISO-8859-1' : 'UTF-16'}"?>`);
      const bytes =
        encoding === 'latin1'
          ? Uint8Array.from(text, (c) => c.charCodeAt(0))
          : Uint8Array.from([...(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...Array.from(text).flatMap((c) => {
              const u = c.charCodeAt(0);
              return encoding === 'utf-16le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
            })]);
      const events = splitXmlRecords(splitBytes(bytes, at), { isRecord });
      expect(recordTexts(events)).toEqual(utf8);
      expect(events.some((e) => e.kind === 'record' && e.notUtf8)).toBe(false);
    },
  );
});
