/**
 * Which writing system a text is in. The pipeline reads English: Latin letters. A text mostly in another
 * script (Cyrillic, Arabic, Han …) would only give "no event found", so it is refused with the script named.
 */

/** Scripts named in messages, tested in this order (Unicode Script property names and their English names). */
const SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Latin}/u, 'Latin'],
  [/\p{Script=Cyrillic}/u, 'Cyrillic'],
  [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew'],
  [/\p{Script=Greek}/u, 'Greek'],
  [/\p{Script=Han}/u, 'Han (Chinese characters)'],
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'Japanese kana'],
  [/\p{Script=Hangul}/u, 'Hangul (Korean)'],
  [/\p{Script=Devanagari}/u, 'Devanagari'],
  [/\p{Script=Bengali}/u, 'Bengali'],
  [/\p{Script=Tamil}/u, 'Tamil'],
  [/\p{Script=Thai}/u, 'Thai'],
  [/\p{Script=Armenian}/u, 'Armenian'],
  [/\p{Script=Georgian}/u, 'Georgian'],
  [/\p{Script=Ethiopic}/u, 'Ethiopic'],
];

const LETTER = /\p{L}/u;
/** Letters looked at: enough to tell a script, without scanning a whole book. */
const SAMPLE_LETTERS = 20_000;

/**
 * The script most of a text's letters are written in, when it is not Latin.
 * @param text any text
 * @returns the script's English name when fewer than half the letters are Latin, else null
 * @example unreadScript('Президент прибыл в Москву') // 'Cyrillic'
 * @example unreadScript('The president arrived in Nairobi') // null
 */
export function unreadScript(text: string): string | null {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([re]) => re.test(ch))?.[1] ?? 'another';
    counts.set(script, (counts.get(script) ?? 0) + 1);
    if (letters >= SAMPLE_LETTERS) break;
  }
  if (!letters || (counts.get('Latin') ?? 0) * 2 >= letters) return null;
  let top = 'another';
  let most = 0;
  for (const [script, n] of counts) if (script !== 'Latin' && n > most) [top, most] = [script, n];
  return top;
}
