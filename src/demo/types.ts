/**
 * The demo gallery's vocabulary (issue 10). PURE data types: the gallery, the stage,
 * the quiz, the handout and the background's demo-site check all import from here.
 */
import type { Category, Locale } from '../engine/types';

/** One block of a sample page: a heading, a paragraph, a list item or a chat bubble. */
export type SampleBlock = { h: string } | { p: string } | { li: string } | { chat: string; who: string };

/** Everything a case says, in one language. */
export interface CaseText {
  /** Gallery card title, e.g. "保健品讲座". */
  title: string;
  /** One line under the title. */
  summary: string;
  /** The fake site's name shown at the top of the sample page. */
  site: string;
  /** The sample page body (written in our own words). */
  page: SampleBlock[];
  /** The payment form on the sample page: its title, the card-field label and the button. */
  form: { title: string; card: string; button: string };
  /** Step script: how it starts, how it turns, what it asks for. */
  hook: string;
  turn: string;
  ask: string;
  /** Tell-tale signs (3–4 short lines). */
  signs: string[];
  /** What to do in this case (the common actions — hang up, don't pay, 96110, 12321, 110 — are added by the slide). */
  todo: string;
  /** Speaker notes for the case's own steps. */
  notes: { hook: string; turn: string; ask: string; signs: string };
}

export interface DemoCaseMeta {
  /** Stable id: the URL path on the reserved demo host, file name, screenshot folder. */
  id: string;
  category: Category;
  /** One of the five pension forms (保健品讲座, 免费旅游, 以房养老, 养老公寓床位, 代办养老保险). */
  pensionForm?: 'health-talk' | 'free-trip' | 'house' | 'apartment' | 'insurance';
}

export interface DemoCase extends DemoCaseMeta {
  text: Record<Locale, CaseText>;
}

/** The steps every case walks through, in order. */
export const CASE_STEPS = ['hook', 'turn', 'ask', 'live', 'pay', 'site', 'signs', 'todo'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** A part of a quiz item; `tell` marks a giveaway part (highlighted when the answer is shown). */
export interface QuizPart {
  text: string;
  tell?: boolean;
}

export interface QuizText {
  /** Sender line (SMS) or site name (page). */
  from: string;
  /** Page title (pages only). */
  title?: string;
  parts: QuizPart[];
  /** Why: points at the giveaway parts. */
  explain: string;
  /** Short topic for the closing note and the presenter. */
  topic: string;
}

export interface QuizItem {
  id: string;
  kind: 'sms' | 'page';
  scam: boolean;
  text: Record<Locale, QuizText>;
}
