/**
 * Rough text widths for laying out SVG without a browser: about 0.6 em a character in the
 * fonts we ask for, a full em for wide (CJK, fullwidth) characters. Used to size the label
 * column, keep labels apart and shorten what cannot fit (the full text stays in a `<title>`).
 */

/** True for characters drawn about one em wide (CJK, Hangul, fullwidth forms). */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    codePoint >= 0x20000
  );
}

/**
 * The estimated width of a text in pixels at a font size.
 *
 * @example
 * textWidth("14/22", 10) //=> 30
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char.codePointAt(0) ?? 0) ? 1 : 0.6;
  return ems * fontSize;
}

/**
 * The text, shortened with `…` to fit a width (by the same estimate).
 *
 * @example
 * fitText("a-very-long-vehicle-id", 10, 60) //=> "a-very-lo…"
 */
export function fitText(text: string, fontSize: number, width: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let kept = "";
  for (const char of text) {
    if (textWidth(`${kept}${char}…`, fontSize) > width) break;
    kept += char;
  }
  return `${kept}…`;
}
