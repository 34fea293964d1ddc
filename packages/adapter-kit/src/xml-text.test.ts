import { describe, expect, it } from 'vitest';
import { decodeXmlText } from './xml-text.js';

describe('decodeXmlText', () => {
  it('decodes the five predefined entities and character references, nothing else', () => {
    expect(decodeXmlText('Elm &amp; Oak &lt;&gt;&quot;&apos; &#x2013; &#8217;')).toBe('Elm & Oak <>"\' – ’');
    expect(decodeXmlText('&lol; &nbsp; &#x110000; &amp')).toBe('&lol; &nbsp; &#x110000; &amp');
  });
});
