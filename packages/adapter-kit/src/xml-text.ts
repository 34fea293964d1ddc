/**
 * Text values of XML read with entity processing off (the safe way: no DTD, no entity expansion):
 * only XML's five predefined entities and character references are decoded, by hand.
 *
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the predefined entities and character references of a text value (nothing else: any other
 * `&name;` is left as written).
 * @example decodeXmlText('Elm &amp; Oak &#x2013; &#8217;') // 'Elm & Oak – ’'
 */
export const decodeXmlText = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
        if (e.startsWith('#')) {
          const n = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
          return n <= 0x10ffff ? String.fromCodePoint(n) : m;
        }
        return ENTITIES[e] ?? m;
      })
    : s;

/**
 * fast-xml-parser options for reading an export's records safely, as the CTF and SIMS adapters do:
 * entity processing off (no XXE, no "billion laughs"; decode text with {@link decodeXmlText}), values
 * kept as text (a UPN or code is never turned into a number), attributes, the declaration and
 * processing instructions ignored. Pass to `new XMLParser(SAFE_XML_PARSER_OPTIONS)`; refuse DTDs
 * before parsing (adapter-kit's XML record splitter does).
 */
export const SAFE_XML_PARSER_OPTIONS = {
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;
