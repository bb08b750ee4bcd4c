/**
 * Read-aloud for elder mode (issue 9): the Web Speech API's speechSynthesis, with a
 * zh-CN voice when the system has one. Degrades silently: no speechSynthesis, no voice
 * or an error → nothing happens and the page works as before.
 * Used by our extension pages and, through the content script's composition root, by
 * the in-page alert when the background cannot speak (Firefox has no chrome.tts).
 */
import { speakerIcon } from '../page/speaker-icon';

export interface SpeechLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

const LANG: Record<string, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-US' };

export function speakText(text: string, locale: string, win: (Window & typeof globalThis) | undefined = globalThis.window): boolean {
  try {
    const synth = win?.speechSynthesis as SpeechLike | undefined;
    const Utterance = win?.SpeechSynthesisUtterance;
    if (!synth || !Utterance || !text.trim()) return false;
    const lang = LANG[locale] ?? 'zh-CN';
    const u = new Utterance(text);
    u.lang = lang;
    const voices = synth.getVoices?.() ?? [];
    const voice = voices.find((v) => v.lang.replace('_', '-').toLowerCase() === lang.toLowerCase()) ?? voices.find((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2)));
    if (voice) u.voice = voice;
    u.rate = 0.9; // a little slower than default: easier to follow
    synth.cancel(); // never pile up: the newest warning is what matters
    synth.speak(u);
    return true;
  } catch {
    return false;
  }
}

/** The visible "🔊 再读一遍" button for our pages. */
export function readAgainButton(doc: Document, label: string, say: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'secondary read-again';
  b.setAttribute('data-testid', 'read-again');
  b.append(speakerIcon(doc), label);
  b.addEventListener('click', () => say());
  return b;
}
