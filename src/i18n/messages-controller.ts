/**
 * The messages of one element, loaded as a chunk per language: the language the element shows is fetched at
 * once (the element shows its skeleton until it is there), the other only if the `lang` changes to it. While a
 * new language loads, the element keeps showing the one before, so that nothing flashes or loses focus.
 */
import type { Lazy, LazyLoads } from '../flow/lazy.js';
import type { Lang } from './messages.js';

export type MessageLoaders<M> = Record<Lang, () => Promise<M>>;

export class MessagesController<M> {
  readonly #byLang: Record<Lang, Lazy<M>>;
  #shown: { lang: Lang; m: M } | null = null;

  constructor(loads: LazyLoads, loaders: MessageLoaders<M>) {
    this.#byLang = {
      ja: loads.module(loaders.ja, { prefetch: false }),
      en: loads.module(loaders.en, { prefetch: false }),
    };
  }

  /** The messages in `lang` once loaded (starting the load); until then the language shown before, or null. */
  get(lang: Lang): { lang: Lang; m: M } | null {
    const m = this.#byLang[lang].value;
    if (m !== undefined) this.#shown = { lang, m };
    return this.#shown;
  }

  /** Whether the element shows words yet (its first view is there once the flow has loaded too). */
  get shown(): boolean {
    return this.#shown !== null;
  }

  /** A retry for the skeleton when the language could not be fetched; null while it is loading. */
  retry(lang: Lang): (() => void) | null {
    const lazy = this.#byLang[lang];
    return lazy.status === 'error' ? lazy.retry : null;
  }
}
