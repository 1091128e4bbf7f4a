// Pages of list operations: awaited for the first page, iterated for every item of every page.

/** Fetches the page starting at `offset`. */
type FetchPage<P> = (offset: number) => Promise<P>;

/**
 * One page of a list: `data`, `has_more` and `total` as the API sends them (and any other field
 * of the response, such as a parts search's `vehicle`), plus the way to the next pages.
 *
 * Iterating a page (`for await (const item of page)`) yields its items and those of every page
 * after it.
 */
export class Page<T> implements AsyncIterable<T> {
  /** This page's items. */
  declare readonly data: readonly T[];
  /** Whether more items follow this page. */
  declare readonly has_more: boolean;
  /** How many items match, across all pages. */
  declare readonly total: number;
  readonly #next: FetchPage<Page<T>>;
  readonly #offset: number;

  /** @internal Made by the client from a list response. */
  constructor(json: object, next: FetchPage<Page<T>>, offset: number) {
    Object.assign(this, json);
    this.#next = next;
    this.#offset = offset;
  }

  /** Whether a next page exists. */
  hasNextPage(): boolean {
    return this.has_more && this.data.length > 0;
  }

  /** The next page (the same request, `offset` past this page). */
  getNextPage(): Promise<this> {
    if (!this.hasNextPage()) {
      return Promise.reject(new RangeError('this is the last page: check hasNextPage() first'));
    }
    return this.#next(this.#offset + this.data.length) as Promise<this>;
  }

  /** This page and every page after it. */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    let page: this = this;
    for (;;) {
      yield page;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}

/**
 * What a list method returns: a promise of the first page that is also an `AsyncIterable` over
 * every item of every page.
 *
 * ```ts
 * const first = await client.jobs.list({ status: 'pending' }); // first.data, first.has_more, first.total
 * for await (const job of client.jobs.list()) console.log(job.id); // every job, page by page
 * ```
 *
 * The first page is requested at once, as a promise's work starts at once.
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  readonly #first: Promise<P>;

  /** @internal Made by the client. */
  constructor(first: Promise<P>) {
    this.#first = first;
    // Not awaiting a list is not an unhandled rejection; awaiting it still sees the error.
    first.catch(() => undefined);
  }

  then<R1 = P, R2 = never>(
    onfulfilled?: ((page: P) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#first.then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<P | R> {
    return this.#first.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<P> {
    return this.#first.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const first = await this.#first;
    yield* first;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
