/**
 * A registry of things that grow over time (prepaid brands, payout methods): the ones this package knows at
 * compile time, plus any a page registers at run time with its own translations.
 */
export interface Registered<Definition, Words> {
  readonly definition: Definition;
  readonly messages: { readonly ja: Words; readonly en: Words };
}

export interface Registry<Definition> {
  get(id: string): Definition | undefined;
  has(id: string): boolean;
  /** The translations of an entry registered at run time (built-ins keep theirs in src/i18n). */
  messagesOf(id: string): Registered<Definition, unknown>['messages'] | undefined;
  register<Words>(id: string, entry: Registered<Definition, Words>): void;
}

export function createRegistry<Definition>(builtIn: Readonly<Record<string, Definition>>, what: string): Registry<Definition> {
  const added = new Map<string, Registered<Definition, unknown>>();
  const get = (id: string) => (Object.hasOwn(builtIn, id) ? builtIn[id] : added.get(id)?.definition);
  return {
    get,
    has: (id) => get(id) !== undefined,
    messagesOf: (id) => added.get(id)?.messages,
    register(id, entry) {
      if (Object.hasOwn(builtIn, id)) throw new Error(`${id} is a built-in ${what}`);
      added.set(id, entry);
    },
  };
}
