/**
 * "Add articles" worker: the same pipeline core as the CLI (src/core/pipeline.ts), off the page's main
 * thread. Loads the compact gazetteer from the app's own origin on first use, reads dropped files and
 * pasted text (browser-source.ts), runs the extraction over every added article, merges the result with
 * the events already shown (merge-existing.ts), applies the reader's corrections and returns each
 * article's reading. A run checks for cancellation between articles.
 */
import gazetteerUrl from '$gazetteer?url';
import { Gazetteer, nameKey } from '../../core/gazetteer/index';
import { decodeCompactGazetteer, type CompactGazetteerData } from '../../core/gazetteer/compact';
import type { Article, Issue } from '../../core/types';
import { readDroppedFiles, readPasted } from './browser-source';
import { readAll } from './read-all';
import { findings, ReadingMemo, type ArticleFindings } from './reading';
import { nameLookups, type NameLookups } from '../../core/places';
import { READINGS_PER_MESSAGE, type AddProgress, type AddReply, type AddRequest, type ExtractResult, type PlaceChoice, type StoredArticle } from './protocol';
import { ReadingVersions } from './reading-versions';
import { inParts } from './parts';

const post = (reply: AddReply) => (self as unknown as Worker).postMessage(reply);
const cancelled = new Set<number>();
let gazetteer: Promise<Gazetteer> | null = null;

class Cancelled extends Error {}

/** Fetches, decodes (build-gazetteer.ts writes the compact form) and indexes the gazetteer once, reporting the bytes as they arrive. */
function loadGazetteer(onProgress: (p: AddProgress) => void): Promise<Gazetteer> {
  gazetteer ??= (async () => {
    const response = await fetch(new URL(gazetteerUrl, self.location.href));
    if (!response.ok || !response.body) throw new Error(`the gazetteer could not be loaded (HTTP ${response.status})`);
    const total = Number(response.headers.get('content-length')) || 0;
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let done = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parts.push(chunk.value);
      done += chunk.value.length;
      onProgress({ stage: 'gazetteer', done, total: Math.max(total, done) });
    }
    const bytes = new Uint8Array(done);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return Gazetteer.fromData(decodeCompactGazetteer(JSON.parse(new TextDecoder().decode(bytes)) as CompactGazetteerData));
  })();
  gazetteer.catch(() => (gazetteer = null));
  return gazetteer;
}

/** Findings of articles read before, by file: a new paste reads only itself again, not every kept article. */
const known = new Map<string, { article: Article; found: ArticleFindings }>();

function findingsOf(article: Article, gaz: Gazetteer, names: NameLookups): ArticleFindings {
  const have = known.get(article.file);
  const m = article.meta;
  if (have && have.article.text === article.text && JSON.stringify(have.article.meta) === JSON.stringify(m)) return have.found;
  const found = findings(article, gaz, names);
  known.set(article.file, { article: { file: article.file, text: article.text, meta: { ...m } }, found });
  return found;
}

/** Which readings the page already holds (a reply leaves them out). */
const readingVersions = new ReadingVersions();
/** The last reading of each article, reused while nothing it shows changed. */
const readingMemo = new ReadingMemo();

/** Lets a cancel message in between articles (a macrotask: the message queue runs). */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Least time between two progress messages (ms). Each one updates the page's progress bar on its main
 * thread, which shares the CPU with this worker: one a file or an article cost 100 dropped articles
 * hundreds of page updates. A run shorter than this (a paste) sends none; the page shows its own text.
 */
const PROGRESS_EVERY_MS = 100;

/** Posts a run's progress at most every PROGRESS_EVERY_MS. */
function progressPoster(id: number): (p: AddProgress) => void {
  let last = performance.now();
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    post({ kind: 'progress', id, progress });
  };
}

/** Sends a run's readings in parts ahead of its reply, all but the last part, which it returns for the reply. */
function postReadingsInParts(id: number, readings: ExtractResult['readings']): ExtractResult['readings'] {
  const parts = inParts(readings, READINGS_PER_MESSAGE);
  const last = parts.pop() ?? [];
  for (const part of parts) post({ kind: 'readings', id, readings: part });
  return last;
}

async function extract(request: Extract<AddRequest, { kind: 'extract' }>): Promise<ExtractResult> {
  const started = performance.now();
  const progress = progressPoster(request.id);
  const check = () => {
    if (cancelled.has(request.id)) throw new Cancelled();
  };
  const gaz = await loadGazetteer(progress);
  check();
  const issues: Issue[] = [];
  const rejected: string[] = [];
  const added: StoredArticle[] = [];
  if (request.files.length) {
    const read = await readDroppedFiles(request.files, request.now, (done, total) => progress({ stage: 'files', done, total }));
    added.push(...read.articles);
    rejected.push(...read.rejected);
    issues.push(...read.issues);
  }
  for (const pasted of request.pasted) {
    const read = readPasted(pasted, pasted.file, request.now);
    added.push(...read.articles);
    rejected.push(...read.rejected);
    issues.push(...read.issues);
  }
  check();
  // A file dropped again replaces the article kept under its name.
  const addedNames = new Set(added.map((a) => a.file));
  const all: Article[] = [...request.articles.filter((a) => !addedNames.has(a.file)), ...added];
  const found: ArticleFindings[] = [];
  // One memo of gazetteer name lookups for the run, as the pipeline keeps one for its own.
  const names = nameLookups();
  let lastBreath = performance.now();
  for (const [i, article] of all.entries()) {
    progress({ stage: 'reading', done: i, total: all.length });
    found.push(findingsOf(article, gaz, names));
    if (performance.now() - lastBreath > 30) {
      await breathe();
      check();
      lastBreath = performance.now();
    }
  }
  progress({ stage: 'merging', done: all.length, total: all.length });
  const read = readAll(all, found, request.existing, request.corrections, gaz, readingMemo);
  check();
  const readings = postReadingsInParts(request.id, readingVersions.changed(read.readings, request.readingVersions));
  return { added, rejected, ...read, readings, issues: [...issues, ...read.issues], elapsedMs: performance.now() - started };
}

function choice(g: Gazetteer, index: number, distanceKm?: number): PlaceChoice {
  const place = g.placeAt(index);
  const country = place.country ? g.get(`cc:${place.country}`)?.name ?? place.country : '';
  return { id: place.id, name: place.name, country: place.country, countryName: country, precision: place.precision, lon: place.lon, lat: place.lat, population: place.population ?? 0, ...(distanceKm === undefined ? {} : { distanceKm }) };
}

/** Places whose name (or another name) is the query, then those starting with it; most populous first. */
function search(g: Gazetteer, query: string): PlaceChoice[] {
  const key = nameKey(query);
  if (!key) return [];
  const exact = g.lookup(query).map((e) => e.index);
  const prefix: number[] = [];
  for (let i = 0; i < g.size && prefix.length < 400; i++) {
    if (!exact.includes(i) && nameKey(g.placeAt(i).name).startsWith(key)) prefix.push(i);
  }
  prefix.sort((a, b) => (g.placeAt(b).population ?? 0) - (g.placeAt(a).population ?? 0));
  return [...exact, ...prefix].slice(0, 12).map((i) => choice(g, i));
}

/** The places nearest a point (cities and sites), with the country it lies in. */
function nearest(g: Gazetteer, lon: number, lat: number): PlaceChoice[] {
  const rad = Math.PI / 180;
  const km = (i: number) => {
    const p = g.placeAt(i);
    const dLat = (p.lat - lat) * rad;
    const dLon = (p.lon - lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat * rad) * Math.cos(p.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const best: { i: number; d: number }[] = [];
  for (let i = 0; i < g.size; i++) {
    const p = g.placeAt(i);
    if (p.precision !== 'city' && p.precision !== 'site') continue;
    if (Math.abs(p.lat - lat) > 3) continue;
    const d = km(i);
    if (best.length < 8 || d < best[best.length - 1].d) {
      best.push({ i, d });
      best.sort((a, b) => a.d - b.d);
      if (best.length > 8) best.pop();
    }
  }
  return best.map(({ i, d }) => choice(g, i, Math.round(d)));
}

self.onmessage = async (event: MessageEvent<AddRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  try {
    if (request.kind === 'extract') post({ kind: 'extracted', id: request.id, result: await extract(request) });
    else {
      const g = await loadGazetteer(() => {});
      post({ kind: 'places', id: request.id, places: request.kind === 'search' ? search(g, request.query) : nearest(g, request.lon, request.lat) });
    }
  } catch (error) {
    if (error instanceof Cancelled) post({ kind: 'cancelled', id: request.id });
    else post({ kind: 'failed', id: request.id, message: (error as Error).message || String(error) });
  } finally {
    cancelled.delete(request.id);
  }
};
