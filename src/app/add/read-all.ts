/**
 * One reading of every added article, after each article's findings are known: the pipeline over all of
 * them (as `npm run extract` on the same files), merged with the events already shown, the reader's
 * corrections applied, each article's reading joined to the events. Shared by the worker and the bench.
 */
import type { Gazetteer } from '../../core/gazetteer/index';
import { extractEvents } from '../../core/pipeline';
import type { Article, DatelineEvent } from '../../core/types';
import { applyCorrections } from './corrections';
import { mergeWithShown } from './merge-existing';
import type { ExtractResult, StoredCorrection } from './protocol';
import { quotesByFile, reading, type ArticleFindings, type ReadingMemo } from './reading';

/**
 * @param articles every added article
 * @param found their findings (`findings`), in any order
 * @param shown the events already shown, or null for a map of the added articles only
 * @param corrections the reader's corrections, oldest first
 * @param gazetteer the loaded gazetteer
 * @param memo the readings of an earlier run, reused where nothing they show changed (the worker's)
 * @returns the added layer, the shown events that gained sources, rejected events, readings and issues
 */
export function readAll(
  articles: readonly Article[],
  found: readonly ArticleFindings[],
  shown: readonly DatelineEvent[] | null,
  corrections: readonly StoredCorrection[],
  gazetteer: Gazetteer,
  memo?: ReadingMemo,
): Pick<ExtractResult, 'events' | 'replaced' | 'rejectedEvents' | 'readings' | 'issues'> {
  // Each article was analysed for its reading: the run over all of them reuses that, not a second pass.
  const byFile = new Map(found.map((f) => [f.file, f]));
  const result = extractEvents([...articles], gazetteer, (article) => byFile.get(article.file)?.analysis);
  const merged = shown ? mergeWithShown(result.events, shown, gazetteer) : { events: result.events, replaced: new Map<string, DatelineEvent>() };
  const replacedIds = new Set(merged.replaced.keys());
  const corrected = applyCorrections([...merged.events, ...merged.replaced.values()], corrections, gazetteer);
  const events = corrected.events.filter((e) => !replacedIds.has(e.properties.id));
  const replaced = corrected.events.filter((e) => replacedIds.has(e.properties.id));
  const quotes = quotesByFile([...events, ...replaced]);
  const readings = found.map((f) => (memo ? memo.of(f, quotes) : reading(f, quotes)));
  return { events, replaced, rejectedEvents: corrected.rejected, readings, issues: result.issues };
}
