/** Drop files onto a measurement (or pick them): each uploads with its own progress bar; the analysis follows over SSE. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type DragEvent } from 'react';
import { ApiError } from '../api/client';
import { keys } from '../api/queries';
import { uploadFile, type UploadResult } from '../api/upload';
import { AlsoLinkedWarning } from './AlsoLinked';

interface Item {
  key: string;
  name: string;
  progress: number;
  state: 'sending' | 'sent' | 'duplicate' | 'failed';
  message?: string;
  /** Other samples' measurements that hold the same bytes (the upload's `alsoLinkedTo`). */
  alsoLinkedTo?: UploadResult['alsoLinkedTo'];
}

export function UploadZone({ measurementId, label }: { measurementId: string; label: string }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const update = (key: string, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const send = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}:${file.size}:${Math.random()}`;
      setItems((all) => [...all, { key, name: file.name, progress: 0, state: 'sending' }]);
      uploadFile(measurementId, file, (progress) => update(key, { progress }))
        .then((res) => {
          update(key, { state: res.duplicate ? 'duplicate' : 'sent', progress: 1, alsoLinkedTo: res.alsoLinkedTo });
          return Promise.all([
            queryClient.invalidateQueries({ queryKey: keys.measurement(measurementId) }),
            queryClient.invalidateQueries({ queryKey: ['measurements'] }),
          ]);
        })
        .catch((e: unknown) => update(key, { state: 'failed', message: e instanceof ApiError ? e.message : String(e) }));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) send(e.dataTransfer.files);
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`dropzone-${measurementId}`}
    >
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="file" multiple onChange={(e) => (e.target.files && send(e.target.files), (e.target.value = ''))} />
      <span className="hint">or drop instrument files here</span>
      {items.length > 0 && (
        <ul className="uploads" aria-live="polite">
          {items.map((i) => (
            <li key={i.key}>
              <span>{i.name}</span>
              <progress value={i.progress} max={1} aria-label={`upload of ${i.name}`} />
              <span className={`badge ${i.state}`}>
                {i.state === 'sending'
                  ? `${Math.round(i.progress * 100)} %`
                  : i.state === 'sent'
                    ? 'uploaded'
                    : i.state === 'duplicate'
                      ? 'already here'
                      : 'failed'}
              </span>
              {i.message && <span className="error">{i.message}</span>}
              {i.alsoLinkedTo && <AlsoLinkedWarning links={i.alsoLinkedTo} fileName={i.name} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
