/**
 * What is wrong with an entity as typed, in the interface's language: the schemas' own rules
 * (lib/custom/types.ts CUSTOM_RULES) and zod's length limits; anything else as zod words it.
 */
import type { z } from 'zod';
import { CUSTOM_RULES } from '../custom/types';
import { formatCount, t } from './i18n';

const RULE_WORDS: Record<keyof typeof CUSTOM_RULES, () => string> = {
  nameEmpty: () => t('invalid.nameEmpty'),
  webLink: () => t('invalid.webLink'),
  bundledId: () => t('invalid.bundledId'),
  jurisdiction: () => t('invalid.jurisdiction'),
  customId: () => t('invalid.customId'),
};

const RULE_BY_MESSAGE = new Map(
  Object.entries(CUSTOM_RULES).map(([k, m]) => [m as string, k as keyof typeof CUSTOM_RULES]),
);

/** A rule's words in the interface's language, when `message` is one of CUSTOM_RULES. */
export function ruleWords(message: string): string | undefined {
  const rule = RULE_BY_MESSAGE.get(message);
  return rule ? RULE_WORDS[rule]() : undefined;
}

/** One problem with an entity's field, without where it is ("must be a web address …"). */
export function describeInputIssue(issue: z.core.$ZodIssue): string {
  const rule = ruleWords(issue.message);
  if (rule) return rule;
  if (issue.code === 'too_big') {
    const max = formatCount(Number(issue.maximum));
    return issue.origin === 'array' ? t('invalid.tooMany', { max }) : t('invalid.tooLong', { max });
  }
  return issue.message;
}
