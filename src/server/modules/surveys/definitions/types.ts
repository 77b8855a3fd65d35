import type { Locale } from '../../../../web/i18n/locales.js';

/** A text in every language the product speaks; a definition carries its own wording. */
export type LocalText = Record<Locale, string>;

interface QuestionBase {
  /** Stable key: stored in responses and used in reports. Never reuse one for a new meaning. */
  key: string;
  label: LocalText;
  hint?: LocalText;
  /** Most questions may be skipped: a check-in is voluntary, question by question. */
  required?: boolean;
}

/** 1–5 (or 0–10) with words at both ends. */
export interface ScaleQuestion extends QuestionBase {
  type: 'scale5' | 'scale10';
  low: LocalText;
  high: LocalText;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single';
  options: { key: string; label: LocalText }[];
}

export interface YesNoQuestion extends QuestionBase {
  type: 'yesno';
}

/**
 * Free text is deliberately not a question type: a sentence can name its writer, and the
 * reports must hold nothing that identifies anyone in a small group.
 */
export type Question = ScaleQuestion | ChoiceQuestion | YesNoQuestion;

export interface SurveyDefinition {
  key: string;
  /**
   * Bumped whenever a question is added, removed or changes meaning; stored with every
   * response so a report never mixes answers to different questions.
   */
  version: number;
  title: LocalText;
  intro: LocalText;
  /** The invitation email: subject and first paragraph ({{region}} is filled in). */
  mail: { subject: LocalText; body: LocalText };
  questions: Question[];
}

/** The values a question accepts, as form values (strings). */
export function allowedValues(q: Question): string[] {
  switch (q.type) {
    case 'scale5':
      return ['1', '2', '3', '4', '5'];
    case 'scale10':
      return Array.from({ length: 11 }, (_, i) => String(i));
    case 'yesno':
      return ['yes', 'no'];
    case 'single':
      return q.options.map((o) => o.key);
  }
}

/** An answer as stored: scales as numbers, choices as their option key. */
export type AnswerValue = number | string;
export type Answers = Record<string, AnswerValue>;
