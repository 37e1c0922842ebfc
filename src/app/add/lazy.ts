/**
 * The part of "Add articles" loaded when it is first used (dynamic import from AddArticles.svelte): the
 * panel and its state. The pipeline and the gazetteer load later still, in the worker.
 */
export { AddedArticles } from './added.svelte';
export { default as AddArticlesPanel } from './AddArticlesPanel.svelte';
