/**
 * The "Add articles" state: the articles and corrections kept in this browser, the worker that reads
 * them, and their events in the shared EventStore — as their own data layer (`added`, like an imported
 * layer: map, list, slider, legend counts, popups and export take it as any other), plus the shown
 * events they report too, replaced by the same events with more sources.
 */
import { untrack } from 'svelte';
import type { EventStore } from '../state/events.svelte';
import type { DatelineEvent, Issue } from '../../core/types';
import { nextTask } from '../state/slices';
import { ArticleDatabase } from './db';
import { byTextLength } from './parts';
import {
  ADDED_LAYER,
  MAX_ARTICLE_CHARS,
  type AddProgress,
  type AddReply,
  type AddRequest,
  type ArticleReading,
  type CorrectionValue,
  type ExtractResult,
  type PastedArticle,
  type PlaceChoice,
  type RejectedEvent,
  type StoredArticle,
  type StoredCorrection,
} from './protocol';

/** The layer the pipeline's own events are loaded as (App.svelte: `events.load`). */
const BASE_LAYER = 'events';

/**
 * Largest imported layer whose events added reports may join: each run sends the events to the worker and
 * compares every added event with each of them of its type (an ACLED import can hold a million rows).
 */
const MAX_MERGED_IMPORT = 20_000;
const NONE: DatelineEvent[] = [];

/** Text put in IndexedDB in one task (characters): its structured copy is made on the main thread. */
const SAVE_CHARS = 100_000;

export interface AddMessage {
  kind: 'error' | 'warning' | 'done';
  text: string;
  /** The article the message is about, when its reading can be shown. */
  file?: string;
}

/** What the progress bar shows. */
export interface Busy {
  what: string;
  progress: AddProgress | null;
}

const STAGE_WORDS: Record<AddProgress['stage'], string> = {
  gazetteer: 'Loading the place names (once)',
  files: 'Reading the files',
  reading: 'Reading the articles',
  merging: 'Finding and merging events',
};

/** "Loading the place names (once): 2.1 of 7.3 MB". */
export function progressText(busy: Busy): string {
  const p = busy.progress;
  if (!p) return busy.what;
  const words = STAGE_WORDS[p.stage];
  if (p.stage === 'gazetteer') return p.total ? `${words}: ${(p.done / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB` : words;
  return p.total > 1 ? `${words}: ${Math.min(p.done + 1, p.total)} of ${p.total}` : words;
}

function issueText(i: Issue): string {
  return `${i.file}${i.line ? ` line ${i.line}` : ''}: ${i.message}`;
}

/** A kept name for a pasted article: from its headline or first words, unique among the kept ones. */
export function pastedName(pasted: PastedArticle, taken: ReadonlySet<string>): string {
  const words = (pasted.title || pasted.text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const stem = `pasted-${words.slice(0, 6).join('-') || 'article'}`;
  let name = `${stem}.txt`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.txt`;
  return name;
}

export class AddedArticles {
  articles = $state.raw<StoredArticle[]>([]);
  corrections = $state.raw<StoredCorrection[]>([]);
  readings = $state.raw<Record<string, ArticleReading>>({});
  /** The added layer's events. */
  events = $state.raw<DatelineEvent[]>([]);
  /** Shown events the added articles report too (same id, more sources). */
  replaced = $state.raw<DatelineEvent[]>([]);
  rejectedEvents = $state.raw<RejectedEvent[]>([]);
  /** Set while the worker loads or reads; null when idle. */
  busy = $state.raw<Busy | null>(null);
  messages = $state.raw<AddMessage[]>([]);
  /** Whether the added events are on the map (the layer toggle). */
  visible = $state(true);
  /** Whether the loaded events are shown too; off: a map of one's own articles only. */
  baseShown = $state(true);
  /** Milliseconds the last run took in the worker, for the status line. */
  lastRunMs = $state<number | null>(null);

  readonly #store: EventStore;
  readonly #db = new ArticleDatabase();
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (reply: AddReply) => void; onProgress?: (p: AddProgress) => void; readings: ArticleReading[] }>();
  /** The pipeline layer as loaded, and the copy with replaced events that was last put in the store. */
  #base: DatelineEvent[] | null = null;
  #patchedBase: DatelineEvent[] | null = null;
  /** What `#patchedBase` was made from: the same inputs give the same array (no store update, no effect loop). */
  #patchedFrom: { base: DatelineEvent[]; replaced: DatelineEvent[] } | null = null;
  /** Imported layers as imported, and the copies with replaced events last put in the store. */
  readonly #imported = new Map<string, { original: DatelineEvent[]; patched: DatelineEvent[]; replaced: DatelineEvent[] }>();
  #running: Promise<unknown> = Promise.resolve();
  #runId = 0;
  readonly #stop: () => void;

  constructor(store: EventStore) {
    this.#store = store;
    // Put the added layer in the store once the pipeline's events are there (and again if they change).
    this.#stop = $effect.root(() => {
      $effect(() => {
        if (store.status === 'loading') return;
        void store.layers[BASE_LAYER];
        untrack(() => this.#sync());
      });
    });
  }

  destroy(): void {
    this.#stop();
    this.#worker?.terminate();
  }

  /** Articles by file name. */
  article(file: string): StoredArticle | undefined {
    return this.articles.find((a) => a.file === file);
  }

  /** Every event the added articles are a source of (added layer and replaced shown events). */
  get ownEvents(): DatelineEvent[] {
    return [...this.events, ...this.replaced];
  }

  /** Restores what this browser kept, and reads it again. */
  async restore(): Promise<void> {
    const saved = await this.#db.load();
    this.articles = saved.articles;
    this.corrections = saved.corrections;
    this.baseShown = saved.baseShown;
    if (this.articles.length) await this.#run({ files: [], pasted: [] }, 'Reading your saved articles');
    else this.#sync();
  }

  /**
   * Reads a pasted article. Empty or overlong text is refused at once, with the text left in place.
   * @returns the run's result (null when refused, cancelled or failed)
   */
  async addPasted(pasted: PastedArticle): Promise<ExtractResult | null> {
    if (!pasted.text.trim()) {
      this.messages = [{ kind: 'error', text: 'The article text is empty: paste the text of a news article first.' }];
      return null;
    }
    if (pasted.text.length > MAX_ARTICLE_CHARS) {
      const size = `${(pasted.text.length / 1e6).toFixed(1)} million characters`;
      this.messages = [{ kind: 'error', text: `The pasted text is ${size} long; one article is read up to ${MAX_ARTICLE_CHARS / 1e6} million. Paste one article at a time, or drop the articles as files.` }];
      return null;
    }
    const file = pastedName(pasted, new Set(this.articles.map((a) => a.file)));
    return this.#run({ files: [], pasted: [{ ...pasted, file }] }, 'Reading the pasted article');
  }

  /** Reads dropped or chosen files (a folder's files with their relative paths). */
  async addFiles(files: readonly { path: string; file: File }[]): Promise<ExtractResult | null> {
    if (!files.length) return null;
    return this.#run({ files: [...files], pasted: [] }, `Reading ${files.length} file${files.length === 1 ? '' : 's'}`);
  }

  /** Stops the running read; nothing of its input is added. */
  cancel(): void {
    const id = this.#runId;
    if (id && this.#worker) this.#worker.postMessage({ kind: 'cancel', id } satisfies AddRequest);
  }

  async removeArticle(file: string): Promise<void> {
    const gone = this.corrections.filter((c) => c.file === file).map((c) => c.id);
    this.articles = this.articles.filter((a) => a.file !== file);
    this.corrections = this.corrections.filter((c) => c.file !== file);
    await this.#db.removeArticles([file], gone);
    if (!this.articles.length && !this.corrections.length && this.baseShown) await this.#db.clear();
    await this.#run({ files: [], pasted: [] }, 'Updating the map');
  }

  async removeAll(): Promise<void> {
    this.articles = [];
    this.corrections = [];
    this.readings = {};
    this.baseShown = true;
    await this.#db.clear();
    await this.#publish({ events: [], replaced: [], rejectedEvents: [], readings: [] }, []);
    this.messages = [{ kind: 'done', text: 'All added articles and corrections were removed from this browser.' }];
  }

  /**
   * Records a correction of an event, on the evidence of an added article's quote.
   * @param event the event as shown
   * @param value what to set
   */
  async correct(event: DatelineEvent, value: CorrectionValue): Promise<void> {
    const own = new Set(this.articles.map((a) => a.file));
    const evidence = event.properties.sources.find((s) => own.has(s.file));
    if (!evidence) return;
    const correction: StoredCorrection = {
      id: `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      file: evidence.file,
      start: evidence.start,
      eventId: event.properties.id,
      at: new Date().toISOString(),
      value,
    };
    this.corrections = [...this.corrections, correction];
    await this.#db.putCorrection(correction);
    await this.#run({ files: [], pasted: [] }, 'Applying the correction');
  }

  async undoCorrection(id: string): Promise<void> {
    this.corrections = this.corrections.filter((c) => c.id !== id);
    await this.#db.removeCorrection(id);
    await this.#run({ files: [], pasted: [] }, 'Undoing the correction');
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.#sync();
  }

  /** Shows the loaded events with the added ones, or only the added ones (an empty map of one's own). */
  async setBaseShown(shown: boolean): Promise<void> {
    this.baseShown = shown;
    await this.#db.setBaseShown(shown);
    await this.#run({ files: [], pasted: [] }, shown ? 'Merging with the loaded events' : 'Starting a map of your articles only');
  }

  /** Gazetteer places named like the query. */
  async searchPlaces(query: string): Promise<PlaceChoice[]> {
    const reply = await this.#ask({ kind: 'search', id: this.#nextId++, query });
    return reply.kind === 'places' ? reply.places : [];
  }

  /** Gazetteer places nearest a point (a click on the map). */
  async placesNear(lon: number, lat: number): Promise<PlaceChoice[]> {
    const reply = await this.#ask({ kind: 'nearest', id: this.#nextId++, lon, lat });
    return reply.kind === 'places' ? reply.places : [];
  }

  #workerOf(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module', name: 'dateline-add-articles' });
    worker.onmessage = (event: MessageEvent<AddReply>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      if (reply.kind === 'progress') pending.onProgress?.(reply.progress);
      else if (reply.kind === 'readings') pending.readings.push(...reply.readings);
      else {
        this.#pending.delete(reply.id);
        // The readings sent ahead in parts (protocol.ts) join the reply's own.
        if (reply.kind === 'extracted' && pending.readings.length) reply.result.readings = [...pending.readings, ...reply.result.readings];
        pending.resolve(reply);
      }
    };
    worker.onerror = (event) => {
      // A worker that cannot start or crashed: every open question fails with the reason.
      const message = event.message || 'the reading worker stopped';
      for (const [id, pending] of this.#pending) pending.resolve({ kind: 'failed', id, message });
      this.#pending.clear();
      worker.terminate();
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }

  #ask(request: Exclude<AddRequest, { kind: 'cancel' }>, onProgress?: (p: AddProgress) => void): Promise<AddReply> {
    return new Promise((resolve) => {
      this.#pending.set(request.id, { resolve, onProgress, readings: [] });
      this.#workerOf().postMessage(request);
    });
  }

  /** One extraction over every kept article plus the new input; runs one at a time. */
  #run(input: { files: { path: string; file: File }[]; pasted: (PastedArticle & { file: string })[] }, what: string): Promise<ExtractResult | null> {
    const next = this.#running.then(() => this.#runNow(input, what));
    this.#running = next.catch(() => null);
    return next;
  }

  async #runNow(input: { files: { path: string; file: File }[]; pasted: (PastedArticle & { file: string })[] }, what: string): Promise<ExtractResult | null> {
    const id = this.#nextId++;
    this.#runId = id;
    const fresh = input.files.length + input.pasted.length > 0;
    this.busy = { what, progress: null };
    if (fresh) this.messages = [];
    const base = this.#currentBase();
    const reply = await this.#ask(
      {
        kind: 'extract', id, articles: $state.snapshot(this.articles) as StoredArticle[], files: input.files, pasted: input.pasted,
        existing: this.#shownToMerge(base), corrections: $state.snapshot(this.corrections) as StoredCorrection[], now: new Date().toISOString(),
        readingVersions: Object.fromEntries(Object.values(this.readings).map((r) => [r.file, r.version ?? ''])),
      },
      (progress) => (this.busy = { what, progress }),
    );
    this.#runId = 0;
    this.busy = null;
    if (reply.kind === 'cancelled') {
      this.messages = [{ kind: 'warning', text: 'Reading was cancelled; nothing new was added.' }];
      return null;
    }
    if (reply.kind === 'failed') {
      this.messages = [{ kind: 'error', text: `The articles could not be read: ${reply.message}` }];
      return null;
    }
    if (reply.kind !== 'extracted') return null;
    const result = reply.result;
    this.lastRunMs = result.elapsedMs;
    const names = new Set(result.added.map((a) => a.file));
    const articles = result.added.length ? [...this.articles.filter((a) => !names.has(a.file)), ...result.added] : this.articles;
    // Each step in a task of its own, so that 100 articles' worth does not make one long task: the events
    // (store: map, list, slider), the panel's articles, keeping them in IndexedDB (which copies each
    // text on this thread), the messages.
    await this.#publish(result, articles);
    await nextTask();
    if (result.added.length) await this.#save(result.added);
    if (fresh) this.messages = this.#report(result);
    return result;
  }

  /** Keeps added articles in IndexedDB, up to SAVE_CHARS of text a transaction, each in a task of its own. */
  async #save(articles: readonly StoredArticle[]): Promise<void> {
    for (const [i, part] of byTextLength(articles, SAVE_CHARS).entries()) {
      if (i) await nextTask();
      await this.#db.putArticles(part);
    }
  }

  /** Messages after reading new input: what was refused, each new article's outcome, the warnings. */
  #report(result: ExtractResult): AddMessage[] {
    const messages: AddMessage[] = result.rejected.map((text) => ({ kind: 'error', text }));
    for (const article of result.added) {
      const r = this.readings[article.file];
      if (!r) continue;
      const name = article.meta.title || article.file;
      if (r.events.length) {
        messages.push({ kind: 'done', text: `${name}: ${r.events.length} event${r.events.length === 1 ? '' : 's'} found (${r.places} place${r.places === 1 ? '' : 's'} and ${r.dates} date${r.dates === 1 ? '' : 's'} read).`, file: article.file });
      } else {
        messages.push({ kind: 'warning', text: `${name}: no event found; ${r.places} place${r.places === 1 ? '' : 's'} and ${r.dates} date${r.dates === 1 ? '' : 's'} were read.`, file: article.file });
      }
    }
    const added = new Set(result.added.map((a) => a.file));
    for (const issue of result.issues) {
      // Only what concerns the new input: the kept articles' warnings were shown when they were added.
      if (added.has(issue.file) || issue.file === 'sources.csv' || issue.file === 'the fields' || [...added].some((f) => issue.file.split(', ').includes(f))) {
        messages.push({ kind: issue.severity === 'error' ? 'error' : 'warning', text: issueText(issue) });
      }
    }
    return messages;
  }

  /** Ids of the events read from these articles (their readings). */
  eventsOf(files: readonly string[]): string[] {
    return [...new Set(files.flatMap((f) => this.readings[f]?.events ?? []))];
  }

  /**
   * Puts a run's events in the store, then (in the next task: each is a page update of its own) the
   * articles and their readings in the panel.
   */
  async #publish(result: Pick<ExtractResult, 'events' | 'replaced' | 'rejectedEvents' | 'readings'>, articles: StoredArticle[]): Promise<void> {
    this.events = result.events;
    this.replaced = result.replaced;
    this.rejectedEvents = result.rejectedEvents;
    this.#sync();
    await nextTask();
    this.articles = articles;
    // The reply carries only the readings that changed: the others are the ones held, for the articles kept.
    const readings: Record<string, ArticleReading> = {};
    for (const a of articles) if (this.readings[a.file]) readings[a.file] = this.readings[a.file];
    for (const r of result.readings) readings[r.file] = r;
    this.readings = readings;
  }

  /**
   * The events added reports may join: the pipeline layer (unless the reader chose a map of their own
   * articles only) and every imported layer of Dateline events — a Dateline export read back, whose
   * sources carry quotes — of at most MAX_MERGED_IMPORT events; null when there are none.
   */
  #shownToMerge(base: DatelineEvent[] | null): DatelineEvent[] | null {
    const imported = Object.entries(this.#store.layers)
      .filter(([name]) => name !== BASE_LAYER && name !== ADDED_LAYER)
      .map(([name, events]) => this.#importedOriginal(name, events))
      .filter((events) => events.length <= MAX_MERGED_IMPORT && events.some((e) => e.properties.sources?.some((s) => s.quote)));
    if (!(this.baseShown && base) && !imported.length) return null;
    return [...(this.baseShown && base ? base : []), ...imported.flat()];
  }

  /** An imported layer as imported (not the copy with replaced events this state put there). */
  #importedOriginal(name: string, current: DatelineEvent[]): DatelineEvent[] {
    const kept = this.#imported.get(name);
    return kept && current === kept.patched ? kept.original : current;
  }

  /** An imported layer with the events the added articles report too replaced by them (same id, more sources). */
  #patchImported(name: string, current: DatelineEvent[], replaced: DatelineEvent[]): DatelineEvent[] {
    const original = this.#importedOriginal(name, current);
    const kept = this.#imported.get(name);
    if (kept && kept.original === original && kept.replaced === replaced) return kept.patched;
    const byId = new Map(replaced.map((e) => [e.properties.id, e]));
    const patched = original.some((e) => byId.has(e.properties.id)) ? original.map((e) => byId.get(e.properties.id) ?? e) : original;
    this.#imported.set(name, { original, patched, replaced });
    return patched;
  }

  /** The pipeline layer as loaded (not the copy with replaced events this state put there). */
  #currentBase(): DatelineEvent[] | null {
    const current = this.#store.layers[BASE_LAYER];
    if (current && current !== this.#patchedBase) this.#base = current;
    return this.#base;
  }

  /** Puts the added layer, and the pipeline layer with its replaced events (or without it), in the store. */
  #sync(): void {
    const base = this.#currentBase();
    let patched: DatelineEvent[] | null = null;
    if (base && this.baseShown) {
      const replaced = this.visible ? this.replaced : [];
      const made = this.#patchedFrom;
      if (made && made.base === base && made.replaced === replaced && this.#patchedBase) patched = this.#patchedBase;
      else {
        const byId = new Map(replaced.map((e) => [e.properties.id, e]));
        patched = byId.size ? base.map((e) => byId.get(e.properties.id) ?? e) : base;
        this.#patchedFrom = { base, replaced };
      }
    }
    // The other layers keep their order; the pipeline's stays first.
    const layers: Record<string, DatelineEvent[]> = patched && !(BASE_LAYER in this.#store.layers) ? { [BASE_LAYER]: patched } : {};
    const replacedShown = this.visible ? this.replaced : NONE;
    for (const [name, events] of Object.entries(this.#store.layers)) {
      if (name === ADDED_LAYER) continue;
      if (name !== BASE_LAYER) layers[name] = this.#patchImported(name, events, replacedShown);
      else if (patched) layers[name] = patched;
    }
    for (const name of this.#imported.keys()) if (!(name in layers)) this.#imported.delete(name);
    if (this.visible && this.events.length) layers[ADDED_LAYER] = this.events;
    this.#patchedBase = patched;
    // Writing an equal set of layers would only wake every reader of the store (and this state's effect).
    const current = this.#store.layers;
    const same = Object.keys(layers).length === Object.keys(current).length && Object.entries(layers).every(([k, v]) => current[k] === v);
    if (!same) this.#store.layers = layers;
  }
}
