import type { Locale } from '../../src-shared/domain/screen-pop';
import { knowledgeMessages } from './knowledge-messages';

/** The workspace panels' words (knowledge, replies, work orders) joined per locale. */
export const workspaceMessages = {
  en: { ...knowledgeMessages.en },
  'zh-CN': { ...knowledgeMessages['zh-CN'] },
  'zh-TW': { ...knowledgeMessages['zh-TW'] },
  th: { ...knowledgeMessages.th },
} satisfies Record<Locale, object>;

export type WorkspaceMessageKey = keyof (typeof workspaceMessages)['en'];
