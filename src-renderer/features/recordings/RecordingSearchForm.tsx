import { useState, type FormEvent } from 'react';
import type { RecordingSearch } from '../../../src-shared/recording/recording-search';
import { useT } from '../../i18n/use-t';
import { searchRecordings } from './actions';
import { useRecordings } from './store';

const FIELDS = ['customer', 'agent', 'queue', 'from', 'to', 'minSeconds', 'maxSeconds'] as const;
type Field = (typeof FIELDS)[number];

/** A date field's local day: its start, or (for "to") the start of the next day, in epoch ms. */
function day(value: string, next: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (next ? 1 : 0)).getTime() : undefined;
}

function query(form: Record<Field, string>): RecordingSearch {
  const text = (v: string) => v.trim().slice(0, 64) || undefined;
  const secs = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.min(Math.max(Number(v), 0), 86_400));
  const q: RecordingSearch = {
    customer: text(form.customer),
    agent: text(form.agent),
    queue: text(form.queue),
    from: day(form.from, false),
    to: day(form.to, true),
    minSeconds: secs(form.minSeconds),
    maxSeconds: secs(form.maxSeconds),
  };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as RecordingSearch;
}

const TYPES: Record<Field, string> = { customer: 'search', agent: 'text', queue: 'text', from: 'date', to: 'date', minSeconds: 'number', maxSeconds: 'number' };

/** Search by customer (name or number), agent, queue, date range and duration; every field may stay empty. */
export function RecordingSearchForm() {
  const t = useT();
  const searching = useRecordings((s) => s.searching);
  const [form, setForm] = useState<Record<Field, string>>({ customer: '', agent: '', queue: '', from: '', to: '', minSeconds: '', maxSeconds: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void searchRecordings(query(form));
  };
  return (
    <form className="recording-search" role="search" onSubmit={submit}>
      {FIELDS.map((f) => (
        <label key={f}>
          {t(`recordings.field.${f}`)}
          <input
            type={TYPES[f]}
            name={f}
            value={form[f]}
            maxLength={TYPES[f] === 'text' || TYPES[f] === 'search' ? 64 : undefined}
            min={TYPES[f] === 'number' ? 0 : undefined}
            onChange={(e) => setForm({ ...form, [f]: e.currentTarget.value })}
          />
        </label>
      ))}
      <button type="submit" className="primary" disabled={searching}>
        {searching ? t('recordings.searching') : t('recordings.search')}
      </button>
    </form>
  );
}
