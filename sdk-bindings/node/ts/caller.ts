// Turns a method's arguments into the addon's call, and its failures into the public errors.
//
// A generated method hands over its operationId, its path parameters, its arguments object and
// its header options; `OPERATIONS` (generated) says which keys of the arguments object are
// query parameters and which the body's fields. A key whose value is `undefined` is left out;
// `null` is sent as `null`. Keys the operation does not know are passed on too, so that the
// Rust SDK's check of the arguments against the spec names them.

import { errorFrom, type Failure, InvalidRequestError, VinsnapError } from './errors.js';
import { OPERATIONS, type OperationId } from './generated/operations.js';
import { FAILURE_MARKER, type NativeClient } from './native.js';
import { Page, PagePromise } from './pagination.js';

/** Where an operation's arguments travel (one entry of the generated `OPERATIONS`). */
export interface OperationShape {
  /** The client property holding it (`jobs`). */
  readonly resource: string;
  /** Its method (`changeStatus`). */
  readonly method: string;
  /** `METHOD /path`. */
  readonly http: string;
  /** Path parameters, in order. */
  readonly path: readonly string[];
  /** Keys of the arguments object that are query parameters. */
  readonly query: readonly string[];
  /** Header parameters, by their option name (`idempotencyKey: 'Idempotency-Key'`). */
  readonly headers: { readonly [option: string]: string };
  /** `fields`: the other keys are the body's fields; `value`: the `body` key is the body. */
  readonly body: 'fields' | 'value' | 'none';
  /** Whether a body is sent even when no field is given. */
  readonly bodyRequired: boolean;
  /** Whether it is a list (limit/offset pages). */
  readonly list: boolean;
}

type Values = { readonly [key: string]: unknown };

/** The error a rejected native call stands for. */
export function fromNative(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith(FAILURE_MARKER)) {
    return errorFrom(JSON.parse(error.message.slice(FAILURE_MARKER.length)) as Failure);
  }
  return error instanceof Error ? error : new VinsnapError(String(error));
}

/** What the generated resources call: one client's operations. */
export class Caller {
  readonly #native: NativeClient;

  constructor(native: NativeClient) {
    this.#native = native;
  }

  /** Runs `operationId` and resolves with its response body. */
  async call<T>(operationId: OperationId, path: Values, params?: object, options?: object): Promise<T> {
    const [query, body] = request(OPERATIONS[operationId], path, params, options);
    let text: string;
    try {
      text = await this.#native.call(operationId, query, body);
    } catch (error) {
      throw fromNative(error);
    }
    return JSON.parse(text) as T;
  }

  /** A list operation: its first page, and every page after it on demand. */
  list<T, P extends Page<T> = Page<T>>(operationId: OperationId, path: Values, params: object = {}): PagePromise<T, P> {
    const fetch = (offset: number | undefined): Promise<P> => {
      const args: Values = offset === undefined ? (params as Values) : { ...params, offset };
      return this.call<object>(operationId, path, args).then(
        (json) => new Page<T>(json, (next) => fetch(next), offsetOf(args)) as P,
      );
    };
    return new PagePromise<T, P>(fetch(undefined));
  }
}

function offsetOf(args: Values): number {
  const offset = args['offset'];
  return typeof offset === 'number' ? offset : 0;
}

/** The addon's parameters (JSON text) and body (JSON text, or none) for one call. */
function request(
  shape: OperationShape,
  path: Values,
  params: object | undefined,
  options: object | undefined,
): [string, string | undefined] {
  const query: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(path)) {
    if (value !== undefined) query[name] = value;
  }
  let body: unknown = undefined;
  if (params !== undefined && params !== null) {
    if (typeof params !== 'object' || Array.isArray(params)) {
      throw new InvalidRequestError('the arguments must be an object', 'params');
    }
    let fields: Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (shape.query.includes(name)) {
        query[name] = value;
      } else if (shape.body === 'value' && name === 'body') {
        body = value;
      } else if (shape.body === 'fields') {
        (fields ??= {})[name] = value;
      } else {
        query[name] = value;
      }
    }
    if (fields !== undefined) body = fields;
  }
  if (body === undefined && shape.body === 'fields' && shape.bodyRequired) body = {};
  if (options !== undefined && options !== null) {
    for (const [option, value] of Object.entries(options)) {
      if (value === undefined) continue;
      const header = shape.headers[option];
      if (header === undefined) {
        throw new InvalidRequestError('is not an option of this operation', option);
      }
      query[header] = value;
    }
  }
  try {
    return [JSON.stringify(query), body === undefined ? undefined : JSON.stringify(body)];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRequestError(`the arguments cannot be sent as JSON: ${reason}`);
  }
}
