// The two clients the benchmark compares, each used as its documentation shows, type-checked by
// tsc: vinsnap, and openapi-fetch with the types openapi-typescript generates from the same spec.

import createClient from 'openapi-fetch';
import { Vinsnap } from 'vinsnap';

import type { paths } from './.generated/openapi.js';

export type GetCustomer = (id: string) => Promise<string>;

export function clients(baseUrl: string, apiKey: string): Record<'vinsnap' | 'openapi-fetch', GetCustomer> {
  const vinsnap = new Vinsnap({ apiKey, baseUrl });
  const fetchClient = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
  return {
    vinsnap: async (id) => (await vinsnap.customers.get(id)).id,
    'openapi-fetch': async (id) => {
      const { data, error } = await fetchClient.GET('/customers/{id}', { params: { path: { id } } });
      if (data === undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
      return data.id;
    },
  };
}
