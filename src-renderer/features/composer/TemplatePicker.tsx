import { knownScenarios } from '../../../src-shared/replies';
import { messages, type MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { applyTemplate, matchingTemplates } from './actions';
import { useComposer } from './store';

export const TEMPLATE_SEARCH_ID = 'template-search';

/** Pick a canned reply by scenario, or type its shortcut ("/late") or words of its title and press Enter. */
export function TemplatePicker() {
  const t = useT();
  const { scenario, templateQuery, templates, set } = useComposer();
  const list = matchingTemplates();
  const scenarios = [...new Set([...knownScenarios, ...templates.map((tpl) => tpl.scenario)])];
  return (
    <div className="template-picker">
      <select value={scenario} onChange={(e) => set({ scenario: e.target.value })} aria-label={t('reply.scenario')}>
        <option value="">{t('reply.allScenarios')}</option>
        {scenarios.map((s) => (
          <option key={s} value={s}>
            {`scenario.${s}` in messages.en ? t(`scenario.${s}` as MessageKey) : s}
          </option>
        ))}
      </select>
      <input
        id={TEMPLATE_SEARCH_ID}
        type="search"
        value={templateQuery}
        placeholder={t('reply.templatePlaceholder')}
        aria-label={t('reply.template')}
        aria-keyshortcuts="Alt+T"
        autoComplete="off"
        onChange={(e) => set({ templateQuery: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && list[0]) {
            e.preventDefault();
            applyTemplate(list[0]);
          }
        }}
      />
      {templateQuery.trim() !== '' && (
        <ul className="template-list" aria-label={t('reply.templates')} data-testid="template-list">
          {list.slice(0, 6).map((tpl) => (
            <li key={tpl.id}>
              <button type="button" onClick={() => applyTemplate(tpl)}>
                <code>{tpl.shortcut}</code> {tpl.title}
              </button>
            </li>
          ))}
          {list.length === 0 && <li>{t('reply.noTemplate')}</li>}
        </ul>
      )}
    </div>
  );
}
