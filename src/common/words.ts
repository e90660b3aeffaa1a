/** Plain-English pieces of error messages, so every one reads the same: "an INGOT", "1 level", "3 levels". */

/** "a RIBBON", "an INGOT", "an ANNEAL": the article by the word's first letter (vowel sound for the upper-case kinds used here). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** "1 level", "2 levels", "0 levels"; `plural` defaults to the noun plus "s". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
