import { useEffect, useState } from 'react';
import { businessComplaintTypes, commonComplaintTypes, suggestedWhyTags, type SeverityLevel } from '../../../src-shared/workorders/complaint';
import { workOrderFieldMarks } from '../../../src-shared/workorders/work-order-form';
import { SensitiveInput } from '../recordings';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { editDraft, newWorkOrder, submitWorkOrder } from './actions';
import { useWorkOrder } from './store';
import './work-order.css';

export const WORK_ORDER_FIRST_FIELD_ID = 'work-order-first-field';
const severities: SeverityLevel[] = ['ordinary', 'difficult', 'major'];

function FieldError({ field }: { field: string }) {
  const t = useT();
  const key = useWorkOrder((s) => Object.entries(s.errors).find(([f]) => f === field || f.startsWith(`${field}.`))?.[1]);
  if (!key) return null;
  return (
    <span className="field-error" role="alert" id={`error-${field}`}>
      {t(key as MessageKey)}
    </span>
  );
}

/** The complaint work order, filled during or after the call; saved as the agent types. */
export function WorkOrderForm() {
  const t = useT();
  const { draft, saveState, slaHours, filed } = useWorkOrder();
  const [tagInput, setTagInput] = useState('');
  useEffect(() => {
    // Opened with nothing in progress: start one for the call on screen (follow-up date in 3 days).
    const state = useWorkOrder.getState();
    if (state.saveState === 'idle' && state.draft.followUpDate === '') newWorkOrder();
  }, []);
  const addTag = (tag: string) => {
    const clean = tag.trim();
    if (clean && !draft.whyTags.includes(clean)) editDraft({ whyTags: [...draft.whyTags, clean] });
  };
  const toggleTag = (tag: string) =>
    editDraft({ whyTags: draft.whyTags.includes(tag) ? draft.whyTags.filter((x) => x !== tag) : [...draft.whyTags, tag] });
  const invalid = (field: string) => Boolean(useWorkOrder.getState().errors[field]);
  return (
    <form
      className="work-order-form"
      aria-label={t('wo.title')}
      data-testid="work-order-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submitWorkOrder();
      }}
    >
      <div className="wo-head">
        <h3>{t('wo.title')}</h3>
        <span role="status" className={`save-state save-${saveState}`} data-testid="draft-state">
          {saveState !== 'idle' && t(`wo.save.${saveState}`)}
        </span>
        <button type="button" onClick={newWorkOrder} aria-keyshortcuts="Alt+N">
          {t('wo.new')}
        </button>
      </div>
      {filed && (
        <p className="wo-filed" role="status" data-testid="work-order-filed">
          {t('wo.filed', { id: filed.id })}
        </p>
      )}
      <p className="wo-linked" data-testid="work-order-linked">
        {t('wo.linked')}: {draft.customerName || t('wo.noCustomer')}
        {draft.callId ? ` · ${t('wo.linkedCall')}` : ''}
      </p>

      <label>
        {t('wo.complaintType')}
        <select
          id={WORK_ORDER_FIRST_FIELD_ID}
          value={draft.complaintType}
          aria-invalid={invalid('complaintType')}
          aria-describedby="error-complaintType"
          onChange={(e) => editDraft({ complaintType: e.target.value as typeof draft.complaintType })}
        >
          <option value="">{t('wo.choose')}</option>
          <optgroup label={t('wo.commonTypes')}>
            {commonComplaintTypes.map((type) => (
              <option key={type} value={type}>
                {t(`wo.type.${type}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('wo.businessTypes')}>
            {businessComplaintTypes.map((type) => (
              <option key={type} value={type}>
                {t(`wo.type.${type}`)}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError field="complaintType" />
      </label>

      <label>
        {t('wo.whatHappened')}
        <textarea
          rows={3}
          value={draft.whatHappened}
          aria-invalid={invalid('whatHappened')}
          aria-describedby="error-whatHappened"
          onChange={(e) => editDraft({ whatHappened: e.target.value })}
        />
        <FieldError field="whatHappened" />
      </label>

      <fieldset>
        <legend>{t('wo.whyTags')}</legend>
        <div className="why-tags">
          {[...new Set([...suggestedWhyTags, ...draft.whyTags])].map((tag) => (
            <label key={tag} className="tag">
              <input type="checkbox" checked={draft.whyTags.includes(tag)} onChange={() => toggleTag(tag)} />
              {(suggestedWhyTags as readonly string[]).includes(tag) ? t(`wo.why.${tag}` as MessageKey) : tag}
            </label>
          ))}
        </div>
        <input
          type="text"
          value={tagInput}
          placeholder={t('wo.whyTagAdd')}
          aria-label={t('wo.whyTagAdd')}
          maxLength={40}
          onChange={(e) => setTagInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTag(tagInput);
              setTagInput('');
            }
          }}
        />
      </fieldset>

      <fieldset>
        <legend>{t('wo.severity')}</legend>
        <div className="severities">
          {severities.map((level) => (
            <label key={level}>
              <input type="radio" name="severity" checked={draft.severity === level} onChange={() => editDraft({ severity: level })} />
              {t(`wo.severity.${level}`)} <small>({t('wo.slaHours', { hours: slaHours[level] })})</small>
            </label>
          ))}
        </div>
        <p className="wo-route">{t(`wo.route.${draft.severity}`)}</p>
      </fieldset>

      <label>
        {t('wo.idNumber')}
        {workOrderFieldMarks.idNumber.sensitive && <small>{t('wo.idNumberHint')}</small>}
        <SensitiveInput type="text" inputMode="text" maxLength={40} value={draft.idNumber} onChange={(e) => editDraft({ idNumber: e.target.value })} />
      </label>
      <label>
        {t('wo.cardNumber')}
        {workOrderFieldMarks.cardNumber.sensitive && <small>{t('wo.cardNumberHint')}</small>}
        <SensitiveInput
          type="text"
          inputMode="numeric"
          maxLength={40}
          value={draft.cardNumber}
          aria-invalid={invalid('cardNumber')}
          aria-describedby="error-cardNumber"
          onChange={(e) => editDraft({ cardNumber: e.target.value })}
        />
        <FieldError field="cardNumber" />
      </label>

      <label>
        {t('wo.fairResolution')}
        <textarea rows={2} value={draft.fairResolution} onChange={(e) => editDraft({ fairResolution: e.target.value })} />
      </label>
      <label>
        {t('wo.extraOffered')}
        <input type="text" value={draft.extraOffered} onChange={(e) => editDraft({ extraOffered: e.target.value })} />
      </label>

      <fieldset>
        <legend>
          <label>
            <input type="checkbox" checked={draft.callbackWanted} onChange={(e) => editDraft({ callbackWanted: e.target.checked })} />{' '}
            {t('wo.callback')}
          </label>
        </legend>
        {draft.callbackWanted && (
          <div className="callback-fields">
            <label>
              {t('wo.callbackNumber')}
              <input
                type="tel"
                value={draft.callbackNumber}
                aria-invalid={invalid('callback.number')}
                onChange={(e) => editDraft({ callbackNumber: e.target.value })}
              />
              <FieldError field="callback.number" />
            </label>
            <label>
              {t('wo.callbackFrom')}
              <input type="datetime-local" value={draft.callbackFrom} onChange={(e) => editDraft({ callbackFrom: e.target.value })} />
            </label>
            <label>
              {t('wo.callbackTo')}
              <input type="datetime-local" value={draft.callbackTo} onChange={(e) => editDraft({ callbackTo: e.target.value })} />
              <FieldError field="callback.to" />
              <FieldError field="callback.from" />
            </label>
          </div>
        )}
      </fieldset>

      <label>
        {t('wo.followUpDate')}
        <input
          type="date"
          value={draft.followUpDate}
          aria-invalid={invalid('followUpAt')}
          onChange={(e) => editDraft({ followUpDate: e.target.value })}
        />
        <FieldError field="followUpAt" />
      </label>
      <FieldError field="(form)" />
      <button type="submit" className="primary">
        {t('wo.submit')}
      </button>
    </form>
  );
}
