/** A queue of files uploaded two at a time, each with its state, progress, result or failure. */
import { useCallback, useRef, useState } from 'react';
import { uploadFile, type UploadResult } from '../api';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  status: 'waiting' | 'uploading' | 'reading' | 'done' | 'failed';
  sent: number;
  result?: UploadResult;
  error?: string;
}

/** Two at a time: a folder of files goes through without flooding the server's workers. */
const PARALLEL = 2;

export function useUploads(onDone?: (item: UploadItem) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const queue = useRef<{ key: string; file: File }[]>([]);
  const running = useRef(0);
  const seq = useRef(0);
  const done = useRef(onDone);
  done.current = onDone;

  const patch = (key: string, p: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const pump = useCallback(() => {
    while (running.current < PARALLEL && queue.current.length) {
      const { key, file } = queue.current.shift()!;
      running.current++;
      patch(key, { status: 'uploading' });
      uploadFile(file, (sent) => patch(key, sent >= 1 ? { sent, status: 'reading' } : { sent }))
        .then((result) => {
          patch(key, { status: 'done', sent: 1, result });
          done.current?.({ key, name: file.name, size: file.size, status: 'done', sent: 1, result });
        })
        .catch((e: Error) => patch(key, { status: 'failed', error: e.message }))
        .finally(() => {
          running.current--;
          pump();
        });
    }
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file) => ({ key: `f${++seq.current}`, file }));
      setItems((all) => [...all, ...added.map(({ key, file }) => ({ key, name: file.name, size: file.size, status: 'waiting' as const, sent: 0 }))]);
      queue.current.push(...added);
      pump();
    },
    [pump],
  );

  return { items, add, clear: () => setItems((all) => all.filter((i) => i.status !== 'done' && i.status !== 'failed')) };
}
