/**
 * A readability hint for Italian text: the Gulpease index (Lucisano and Piemontese,
 * 1988), made for Italian, 0–100. Below 60 a person with a middle-school education
 * finds the text hard; below 40, one with a high-school education does too. It counts
 * letters, words and sentences only, so it is a hint to write shorter sentences and
 * shorter words, not a judgement.
 */
export interface Readability {
  /** 0–100, higher is easier; undefined for texts too short to say (under 20 words). */
  readonly gulpease?: number;
  readonly words: number;
  /** Sentences of more than 25 words, which the hint names. */
  readonly longSentences: number;
}

export function readability(text: string): Readability {
  const sentences = text.split(/[.!?;:]+(?:\s|$)|\n+/).map((s) => s.trim()).filter(Boolean);
  const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const letters = words.reduce((n, w) => n + w.replace(/['’]/g, '').length, 0);
  const longSentences = sentences.filter((s) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length > 25).length;
  if (words.length < 20) return { words: words.length, longSentences };
  const index = 89 + (300 * Math.max(1, sentences.length) - 10 * letters) / words.length;
  return { gulpease: Math.round(Math.max(0, Math.min(100, index))), words: words.length, longSentences };
}
