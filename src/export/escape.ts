/**
 * Text from data (names, ids, reasons) written into XML, SVG or HTML: the five markup
 * characters escaped, and the characters XML 1.0 cannot hold at all (control characters,
 * lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD, so the output stays well-formed
 * whatever the scenario's names contain.
 */

const MARKUP = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
/** True for a UTF-16 code unit XML 1.0 never allows (surrogates are judged in pairs). */
function forbidden(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code >= 0xfffe;
}

/** The text with every character XML 1.0 cannot hold (tab, LF and CR can) as U+FFFD. */
function xmlCharacters(text: string): string {
  let clean: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let bad = forbidden(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        clean?.push(text[i] as string, text[i + 1] as string);
        i++;
        continue;
      }
      bad = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) bad = true;
    if (bad && clean === undefined) clean = [text.slice(0, i)];
    clean?.push(bad ? "\uFFFD" : (text[i] as string));
  }
  return clean === undefined ? text : clean.join("");
}

/**
 * Escapes text for XML and HTML element content and double- or single-quoted attributes.
 *
 * @param text - any text
 * @returns the text with `& < > " '` as entities and characters XML forbids as `�`
 * @example
 * escapeXml(`Wang "Wei" <A&B>`) //=> "Wang &quot;Wei&quot; &lt;A&amp;B&gt;"
 */
export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(MARKUP, (char) => ENTITIES[char] ?? char);
}
