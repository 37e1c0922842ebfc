/**
 * The files of a drop or a file chooser, with paths: a dropped folder is walked (its files keep their
 * path inside it), a folder chosen with `webkitdirectory` gives `webkitRelativePath`.
 */

export interface PathFile {
  path: string;
  file: File;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches until it answers with none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: PathFile[]): Promise<void> {
  if (entry.isFile) out.push({ path: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry as FileSystemFileEntry) });
  else if (entry.isDirectory) for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, out);
}

/**
 * @param data the drop's DataTransfer
 * @returns every dropped file, folders walked
 */
export async function droppedFiles(data: DataTransfer): Promise<PathFile[]> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null));
  if (entries.length && entries.every((e) => e)) {
    const out: PathFile[] = [];
    for (const entry of entries) await walk(entry!, out);
    return out;
  }
  return [...data.files].map((file) => ({ path: file.name, file }));
}

/** The files of an `<input type="file">` (a folder's with their relative path). */
export function chosenFiles(list: FileList | null): PathFile[] {
  return [...(list ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
