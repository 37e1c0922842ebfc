/**
 * Messages between the page and the "Add articles" worker (extract.worker.ts), and the records kept in
 * IndexedDB. Everything here is structured-clone data: no classes, no functions.
 */
import type { EventType } from '../../core/taxonomy';
import type { DatelineEvent, Issue, ManifestEntry, PlacePrecision, TimePrecision } from '../../core/types';

/** The data layer of events read from added articles (EventStore.layers key). */
export const ADDED_LAYER = 'added';

/** An added article as kept in the browser: its text (never changed) and its manifest entry. */
export interface StoredArticle {
  file: string;
  text: string;
  meta: ManifestEntry;
  /** When it was added (ISO 8601), for the list's order. */
  added: string;
}

/** A pasted article before it is read: the text and the optional fields of a manifest row. */
export interface PastedArticle {
  text: string;
  outlet: string;
  url: string;
  published: string;
  title: string;
}

/** A gazetteer place offered as a correction (search box or map click). */
export interface PlaceChoice {
  id: string;
  name: string;
  country: string;
  /** The country's name ('' when the place spans several). */
  countryName: string;
  precision: PlacePrecision;
  lon: number;
  lat: number;
  population: number;
  /** From the clicked point, for map picks. */
  distanceKm?: number;
}

/** What a correction sets. */
export type CorrectionValue =
  | { field: 'place'; place: PlaceChoice }
  | { field: 'date'; date: string }
  | { field: 'type'; type: EventType }
  | { field: 'rejected' };

/**
 * A reader's correction as stored. It names its event by the evidence an added article gives for it
 * (the file and the quote's start offset), which stays the same when other articles are added and the
 * event's id or sources change; `eventId` is only a fallback.
 */
export interface StoredCorrection {
  id: string;
  file: string;
  start: number;
  eventId: string;
  /** ISO 8601 date and time. */
  at: string;
  value: CorrectionValue;
}

/** A highlighted span of an article's reading, with what it was resolved to. */
export interface ReadSpan {
  start: number;
  end: number;
  kind: 'place' | 'date' | 'actor';
  text: string;
  /** What it was read as, in words ("Nairobi, Kenya — city — 1.2864° S, 36.8172° E"). */
  resolved: string;
  /** Where to show it on the map: the place, or for a date or a name the event it supports. */
  lon: number | null;
  lat: number | null;
  /** Label of the map marker. */
  label: string;
  /** Ids of the events whose quote from this article contains the span. */
  events: string[];
}

/** One article as the pipeline read it. */
export interface ArticleReading {
  file: string;
  published: string | null;
  spans: ReadSpan[];
  places: number;
  dates: number;
  actors: number;
  /** Ids of the events this article is a source of (after merging and corrections). */
  events: string[];
  issues: Issue[];
  /** Set by the worker: changes whenever this file's reading changes (see `readingVersions`). */
  version?: string;
}

/** An event a reader rejected, kept so the rejection can be undone. */
export interface RejectedEvent {
  correctionId: string;
  title: string;
  file: string;
}

export type AddRequest =
  | {
      kind: 'extract'; id: number; articles: StoredArticle[]; files: { path: string; file: File }[]; pasted: (PastedArticle & { file: string })[]; existing: DatelineEvent[] | null; corrections: StoredCorrection[]; now: string;
      /** The `version` of each reading the page holds: the reply leaves out those still the same. */
      readingVersions: Record<string, string>;
    }
  | { kind: 'search'; id: number; query: string }
  | { kind: 'nearest'; id: number; lon: number; lat: number }
  | { kind: 'cancel'; id: number };

export interface AddProgress {
  stage: 'gazetteer' | 'files' | 'reading' | 'merging';
  done: number;
  total: number;
}

export interface ExtractResult {
  /** Articles read from this request's files and pastes (to be stored). */
  added: StoredArticle[];
  /** Inputs that could not be read at all, one sentence each. */
  rejected: string[];
  /** Warnings and errors about what was read (manifest rows, encodings, the pipeline's own). */
  issues: Issue[];
  /** The added layer: events of the added articles that are not reports of an event already shown. */
  events: DatelineEvent[];
  /** Events already shown that the added articles report too: the same id, more sources. */
  replaced: DatelineEvent[];
  rejectedEvents: RejectedEvent[];
  /**
   * Readings of the articles whose reading the page does not hold yet in this version (a new article, or
   * one whose events changed); the page keeps its own copy of the others. With 100 articles kept, a paste's
   * reply would otherwise carry 100 readings (~750 kB) that the page has to deserialise again. The worker
   * sends all but the last few in 'readings' messages before this reply; the page puts them back here.
   */
  readings: ArticleReading[];
  elapsedMs: number;
}

export type AddReply =
  | { kind: 'progress'; id: number; progress: AddProgress }
  /**
   * Part of a run's readings, sent before its 'extracted' reply: the page keeps them until that reply.
   * A batch's readings (~8 kB an article) in one message would be deserialised in one long main-thread task.
   */
  | { kind: 'readings'; id: number; readings: ArticleReading[] }
  | { kind: 'extracted'; id: number; result: ExtractResult }
  | { kind: 'places'; id: number; places: PlaceChoice[] }
  | { kind: 'cancelled'; id: number }
  | { kind: 'failed'; id: number; message: string };

/** Readings per 'readings' message (about 80 kB: a few milliseconds to deserialise). */
export const READINGS_PER_MESSAGE = 10;

/** Largest article text read (characters): a news story is far shorter; more is likely not one article. */
export const MAX_ARTICLE_CHARS = 1_000_000;

export type { TimePrecision };
