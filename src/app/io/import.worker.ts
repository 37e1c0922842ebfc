/**
 * Import worker: streams a dropped or chosen file (decoded by one TextDecoderStream) through papaparse and the
 * pure row reader (src/core/io/rows.ts), and hands events back in batches packed as columns
 * (src/core/io/packed.ts) that the page unpacks in a few milliseconds, so parsing a million rows never
 * blocks the page.
 */
import Papa from 'papaparse';
import { detectColumns } from '../../core/io/columns';
import { importGeoJson } from '../../core/io/geojson-import';
import { looksLikeGeoJson } from '../../core/io/import';
import { CSV_PARSE_CONFIG, streamCsv } from '../../core/io/stream';
import { SNIFF_BYTES, sniffText, type ImportEncoding } from '../../core/io/sniff';
import { CsvTableReader, type SourceRow } from '../../core/io/rows';
import { EventPacker, packedTransferables } from '../../core/io/packed';
import type { DatelineEvent, Issue } from '../../core/types';
import type { ImportProgress, ImportReply, ImportRequest } from './worker-protocol';

import { EVENTS_PER_BATCH, FIRST_CHUNK_CHARS, IMPORT_CHUNK_CHARS } from './worker-protocol';

const post = (reply: ImportReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);
let abort: AbortController | null = null;

/** Sends events in messages of EVENTS_PER_BATCH, packed by the import's one packer. */
function sendBatches(packer: EventPacker, events: DatelineEvent[], sources: SourceRow[], issues: Issue[], progress: ImportProgress) {
  for (let i = 0; i === 0 || i < events.length; i += EVENTS_PER_BATCH) {
    const packed = packer.pack(events.slice(i, i + EVENTS_PER_BATCH));
    post({ kind: 'batch', events: packed, sources: i === 0 ? sources : [], issues: i === 0 ? issues : [], progress }, packedTransferables(packed));
  }
}

/**
 * The file's first bytes decoded, and the encoding to read the rest with. An empty file or one that is
 * not text throws "empty file" / "not a text file" (the dialog shows it, with the file's name; no mapping).
 */
async function sniff(file: File): Promise<{ head: string; encoding: ImportEncoding }> {
  const bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffText(bytes, file.size);
  if ('problem' in sniffed) throw new Error(sniffed.problem);
  return { head: new TextDecoder(sniffed.encoding).decode(bytes), encoding: sniffed.encoding };
}

async function inspect(file: File) {
  const { head } = await sniff(file).catch((error: Error) => {
    throw new Error(`${file.name}: ${error.message}`);
  });
  if (looksLikeGeoJson(file.name, head)) {
    post({ kind: 'inspected', format: 'geojson', tableKind: 'geojson', header: [], sample: [], mapping: {}, delimiter: '' });
    return;
  }
  // The last line of the slice may be cut: drop it unless the slice is the whole file.
  const text = file.size > SNIFF_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { ...CSV_PARSE_CONFIG, preview: 11 });
  const [header = [], ...sample] = parsed.data;
  const detected = detectColumns(header);
  post({ kind: 'inspected', format: 'csv', tableKind: detected.kind, header, sample, mapping: detected.mapping, delimiter: parsed.meta.delimiter });
}

async function importFile(request: Extract<ImportRequest, { kind: 'import' }>) {
  const started = performance.now();
  const { file } = request;
  const { head, encoding } = await sniff(file);
  const progress: ImportProgress = { bytes: 0, total: file.size, rows: 0, events: 0, badRows: 0 };
  const packer = new EventPacker();
  if (looksLikeGeoJson(file.name, head)) {
    const { events, issues } = importGeoJson(new TextDecoder(encoding).decode(await file.arrayBuffer()), file.name, request.dateOrder);
    Object.assign(progress, { bytes: file.size, rows: events.length + issues.filter((i) => i.line).length, events: events.length, badRows: issues.filter((i) => i.line).length });
    sendBatches(packer, events, [], issues, progress);
    post({ kind: 'done', tableKind: 'geojson', mapping: {}, issues: [], progress, elapsedMs: performance.now() - started });
    return;
  }
  const reader = new CsvTableReader({ fileName: file.name, mapping: request.mapping, dateOrder: request.dateOrder });
  abort = new AbortController();
  const signal = abort.signal;
  // Progress in bytes: count the bytes of the pieces as they pass through to the decoder.
  const counted = (file.stream() as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(piece, controller) {
        progress.bytes += piece.byteLength;
        controller.enqueue(piece);
      },
    }),
  );
  const text = counted.pipeThrough(new TextDecoderStream(encoding)) as unknown as AsyncIterable<string>;
  await streamCsv(
    text,
    (chunk) => {
      reader.push(chunk);
      Object.assign(progress, { rows: reader.rowsRead, events: reader.eventsRead, badRows: reader.badRows });
      const out = reader.take();
      sendBatches(packer, out.events, out.sources, out.issues, { ...progress });
    },
    { chunkChars: IMPORT_CHUNK_CHARS, firstChunkChars: FIRST_CHUNK_CHARS, signal },
  );
  const rest = reader.finish();
  if (!signal.aborted) progress.bytes = file.size;
  Object.assign(progress, { rows: reader.rowsRead, events: reader.eventsRead, badRows: reader.badRows });
  sendBatches(packer, rest.events, rest.sources, [], progress);
  post({
    kind: 'done',
    tableKind: reader.kind,
    mapping: reader.mapping,
    issues: signal.aborted ? [...rest.issues, { file: file.name, message: 'import cancelled; rows read so far are kept', severity: 'warning' }] : rest.issues,
    progress,
    elapsedMs: performance.now() - started,
  });
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    abort?.abort();
    return;
  }
  const task = request.kind === 'inspect' ? inspect(request.file) : importFile(request);
  task.catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
