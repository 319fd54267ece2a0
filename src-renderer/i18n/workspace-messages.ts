import type { Locale } from '../../src-shared/domain/screen-pop';
import { composerMessages } from './composer-messages';
import { knowledgeMessages } from './knowledge-messages';
import { workOrderMessages } from './work-order-messages';

/** The workspace panels' words (knowledge, replies, work orders) joined per locale. */
export const workspaceMessages = {
  en: { ...knowledgeMessages.en, ...composerMessages.en, ...workOrderMessages.en },
  'zh-CN': { ...knowledgeMessages['zh-CN'], ...composerMessages['zh-CN'], ...workOrderMessages['zh-CN'] },
  'zh-TW': { ...knowledgeMessages['zh-TW'], ...composerMessages['zh-TW'], ...workOrderMessages['zh-TW'] },
  th: { ...knowledgeMessages.th, ...composerMessages.th, ...workOrderMessages.th },
} satisfies Record<Locale, object>;

export type WorkspaceMessageKey = keyof (typeof workspaceMessages)['en'];
