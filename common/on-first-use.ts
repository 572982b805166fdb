/**
 * Something loaded on first need rather than at start (a module, or services built from one):
 * {@link OnFirstUse.load} starts the load once and every caller shares its promise; once it has
 * resolved, {@link OnFirstUse.current} holds the value, so callers on a hot path read one property
 * and only the first use waits. A load that fails is forgotten, so the next use tries again.
 *
 * @module
 */
export class OnFirstUse<T> {
  /** The value once loaded; undefined until then. */
  current: T | undefined;
  private loading: Promise<T> | undefined;

  constructor(private readonly make: () => Promise<T>) {}

  /** Loads the value (once); resolves at once with it when it is already loaded. */
  load(): Promise<T> {
    this.loading ??= this.make().then(
      (value) => (this.current = value),
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
  }

  /** `use(value)` now when loaded, else once loaded: the synchronous path stays synchronous. */
  with<U>(use: (value: T) => U | Promise<U>): U | Promise<U> {
    const value = this.current;
    return value !== undefined ? use(value) : this.load().then(use);
  }
}
