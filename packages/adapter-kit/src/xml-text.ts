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
