/**
 * Name keys: how a place name written in an article meets the same name in the gazetteer.
 * Case, diacritics, apostrophe style and hyphen/space differences are not evidence of a different place.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC\u02BE\u02BF`´]/g;
const DASHES_AND_SPACES = /[\s\u2010-\u2015-]+/g;
const DOTS = /\./g;
const PLAIN_WORD = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/** Letters that Unicode does not decompose into a base letter and a mark, as news copy writes them in ASCII. */
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ħ: 'h', Ħ: 'h',
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th',
};
const UNDECOMPOSED_LETTERS = /[ıøØłŁđĐðÐħĦßæÆœŒþÞ]/g;

/**
 * The lookup key of a name: lower case, diacritics and apostrophes removed (Sana'a = Sanaa; Doğubayazıt =
 * Dogubayazit, Østfold = Ostfold), hyphens as spaces,
 * dots dropped ("U.S." → "us"), single spaces.
 * @param name a name as written
 * @returns the key used by the gazetteer's name index
 * @example nameKey('Île-de-France') // 'ile de france'
 */
export function nameKey(name: string): string {
  // Fast path for plain ASCII words and names, by far the most common input.
  if (PLAIN_WORD.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSED_LETTERS, (c) => UNDECOMPOSED[c])
    .replace(APOSTROPHES, '')
    .replace(DOTS, '')
    .replace(DASHES_AND_SPACES, ' ')
    .trim()
    .toLowerCase();
}
