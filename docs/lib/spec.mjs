// Facts read from the OpenAPI document, shared by the site build and the docs tests.

/// Follows local `$ref`s.
export function resolve(spec, value) {
  let current = value;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) {
    current = current.$ref.slice(2).split('/')
      .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => node?.[key], spec);
  }
  return current;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/// Every operation: `{ path, method, operation }`, in the spec's order.
export function operations(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] })));
}

/// The examples of a response's JSON body: its `example`, then each of `examples`.
function responseExamples(spec, response) {
  const media = response?.content?.['application/json'];
  if (!media) return [];
  const out = media.example !== undefined ? [media.example] : [];
  for (const example of Object.values(media.examples ?? {})) {
    const value = resolve(spec, example)?.value;
    if (value !== undefined) out.push(value);
  }
  return out;
}

/// Every error code the API answers with: `{ code, status, meaning, message, operations }`,
/// sorted by status then code. The list is the spec's `x-error-codes` (the server's list of
/// every code, with what each means), joined with the operations' error responses: their
/// example message, and the operations that document the code. A code an operation documents
/// but the list lacks is still shown, with its response's description as its meaning.
export function errorCodes(spec) {
  const found = new Map();
  const entry = (code, status) => {
    const key = `${code} ${status}`;
    if (!found.has(key)) found.set(key, { code, status: String(status), meaning: '', message: '', specificity: Infinity, operations: new Set() });
    return found.get(key);
  };
  for (const listed of spec['x-error-codes'] ?? []) {
    const e = entry(listed.code, listed.status);
    e.meaning = listed.description ?? '';
    e.listed = true;
  }
  for (const { operation } of operations(spec)) {
    for (const [status, reference] of Object.entries(operation.responses ?? {})) {
      const response = resolve(spec, reference);
      const codes = responseExamples(spec, response)
        .map((e) => e?.error?.code && { code: e.error.code, message: e.error.message ?? '' })
        .filter(Boolean);
      for (const { code, message } of codes) {
        const e = entry(code, status);
        // The example of the most specific response documenting it (the one with the fewest
        // codes) says it best.
        if (codes.length < e.specificity) {
          e.specificity = codes.length;
          e.message = message;
          if (!e.listed) e.meaning = response.description ?? '';
        }
        e.operations.add(operation.operationId);
      }
    }
  }
  return [...found.values()]
    .map(({ specificity, listed, ...e }) => ({ ...e, operations: [...e.operations] }))
    .sort((a, b) => a.status.localeCompare(b.status) || a.code.localeCompare(b.code));
}
