// "Did you mean": the known name closest to a misspelled one, by Levenshtein distance.

import { distance } from "fastest-levenshtein";

/**
 * The candidate nearest to `name`, if it is close enough to be a likely typo (or a renamed series).
 * Between equally near candidates, one with the same letters wins: two swapped neighbours, the
 * commonest typo, cost two edits like two wrong letters do.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const letters = sortedLetters(name);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestIsAnagram = false;
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: skip what cannot beat the best.
    if (candidate === name || Math.abs(candidate.length - name.length) > bestDistance) continue;
    const edits = distance(name, candidate);
    const anagram = best !== undefined && edits === bestDistance && sortedLetters(candidate) === letters;
    if (edits < bestDistance || (anagram && !bestIsAnagram)) {
      best = candidate;
      bestDistance = edits;
      bestIsAnagram = sortedLetters(candidate) === letters;
    }
  }
  return best;
}

const sortedLetters = (text: string) => [...text].sort().join("");
