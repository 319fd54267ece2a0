import { useEffect, useMemo } from 'react';
import { lintReply } from '../../../src-shared/replies';
import { callLanguage } from '../../../src-shared/domain/call-language';
import { Locale } from '../../../src-shared/domain/screen-pop';
import { useT } from '../../i18n/use-t';
import { LocaleOptions } from '../../i18n/LocaleOptions';
import { useWorkspace } from '../softphone';
import { CoachFindings } from './CoachFindings';
import { DraftEditor } from './DraftEditor';
import { LatteSteps } from './LatteSteps';
import { RecoveryChecklist, isComplaintCall } from './RecoveryChecklist';
import { SendCheck } from './SendCheck';
import { TemplatePicker } from './TemplatePicker';
import { loadTeamCoachRules, loadTemplates } from './actions';
import { subscribe } from '../../api/client';
import { useComposer } from './store';
import './composer.css';

/** The reply to the customer: template, draft with coaching, LATTE beside it, and a check before it goes. */
export function ComposerPanel() {
  const t = useT();
  const uiLocale = useWorkspace((s) => s.locale);
  const call = useWorkspace((s) => s.call);
  const pop = useWorkspace((s) => s.screenPop);
  const draft = useComposer((s) => s.draft);
  const chosen = useComposer((s) => s.replyLocale);
  const replyLocale = chosen ?? callLanguage(call?.headers.language, pop?.kind === 'known' ? pop.customer.preferredLanguage : null, uiLocale);
  const teamRules = useComposer((s) => s.teamRules);
  useEffect(() => {
    void loadTemplates();
    void loadTeamCoachRules(replyLocale);
    return subscribe('publishedListsChanged', ({ kinds }) => kinds.includes('coachRule') && void loadTeamCoachRules(replyLocale));
  }, [replyLocale]);
  // The team's rules for this language when it published some (a set loaded for another language is not used).
  const rules = teamRules?.locale === replyLocale ? teamRules : undefined;
  // The engine is built to run on every keystroke (well under 2 ms on a 500-character draft).
  const lint = useMemo(() => lintReply(draft, replyLocale, { uiLocale, rules }), [draft, replyLocale, uiLocale, rules]);
  return (
    <section className="composer" aria-label={t('layout.reply')} data-testid="composer">
      <TemplatePicker />
      <label className="reply-language">
        {t('reply.languageLabel')}{' '}
        <select value={replyLocale} aria-label={t('reply.languageLabel')} onChange={(e) => useComposer.getState().set({ replyLocale: e.target.value as Locale })}>
          <LocaleOptions />
        </select>
      </label>
      <div className="composer-grid">
        <div>
          <DraftEditor findings={lint.findings} />
          <CoachFindings findings={lint.findings} />
          <SendCheck lint={lint} />
        </div>
        <LatteSteps report={lint.latte} />
      </div>
      {isComplaintCall(call?.headers.queue, pop) && <RecoveryChecklist uiLocale={uiLocale} customerLocale={replyLocale} pop={pop} />}
    </section>
  );
}
