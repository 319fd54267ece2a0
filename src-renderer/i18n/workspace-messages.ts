import type { Locale } from '../../src-shared/domain/screen-pop';
import { composerMessages } from './composer-messages';
import { knowledgeMessages } from './knowledge-messages';

/** The workspace panels' words (knowledge, replies, work orders) joined per locale. */
export const workspaceMessages = {
  en: { ...knowledgeMessages.en, ...composerMessages.en },
  'zh-CN': { ...knowledgeMessages['zh-CN'], ...composerMessages['zh-CN'] },
  'zh-TW': { ...knowledgeMessages['zh-TW'], ...composerMessages['zh-TW'] },
  th: { ...knowledgeMessages.th, ...composerMessages.th },
} satisfies Record<Locale, object>;

export type WorkspaceMessageKey = keyof (typeof workspaceMessages)['en'];
