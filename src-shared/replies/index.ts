/** Reply coaching: canned replies built on LATTE, the positive-language coach and the service-recovery guide. */
export { CoachCategory } from './coach-category';
export { coachReply, compileRuleSet, shippedCoachRules, type CoachFinding, type CoachOptions, type CompiledRuleSet } from './coach';
export { CoachRule, CoachRuleSet } from './coach-rule';
export { checkLatte, latteCoverage, type LatteReport, type LatteStepResult } from './latte';
export { LatteCueSet } from './latte-cues';
export { LatteStep, latteSteps } from './latte-step';
export { lintReply, type ReplyLint } from './lint-reply';
export { replyMessages, type ReplyMessages } from './messages';
export {
  fillTemplate,
  fillText,
  isKnownPlaceholder,
  knownPlaceholders,
  type FilledText,
  type KnownPlaceholder,
  type PlaceholderData,
  type PlaceholderGap,
} from './placeholders';
export { RecoveryStepId, recoveryStepIds } from './recovery-step';
export {
  createRecoveryFollowUp,
  DEFAULT_FOLLOW_UP_DAYS,
  FollowUpTask,
  serviceRecoveryGuide,
  type FollowUpRequest,
  type RecoveryGuide,
  type RecoveryGuideStep,
} from './service-recovery';
export { shippedTemplates } from './shipped-data';
export { knownScenarios, placeholdersIn, ReplyTemplate, type KnownScenario } from './template';
export { parseTemplatesJsonl, type TemplateImport } from './template-import';
export { searchTemplates, type TemplateQuery } from './template-search';
