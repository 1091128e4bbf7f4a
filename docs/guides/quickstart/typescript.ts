// Quickstart: a customer, their car by VIN, a job for it, and the invoice emailed.
//
//   npm install /path/to/vinsnap/sdk-bindings/node     # in your project ("type": "module")
//   export VINSNAP_API_KEY=vsk_test_…                  # a test key: sandbox data
//   export VINSNAP_BASE_URL=http://127.0.0.1:8080
//   npx tsc && node quickstart.js

import { NotFoundError, Vinsnap } from 'vinsnap';

const client = new Vinsnap({
  apiKey: process.env.VINSNAP_API_KEY!,
  baseUrl: process.env.VINSNAP_BASE_URL,
});

/** Minor units as a decimal amount: 18000 is "180.00". */
const money = (minor: number): string => (minor / 100).toFixed(2);

const customer = await client.customers.create({
  name: 'Sarah Chen',
  phone: '555-0142',
  email: 's.chen@email.com',
});
console.log(`1. created customer ${customer.id} (${customer.name})`);

const vehicle = await client.vehicles.create(customer.id, { vin: '1HGCM82633A004352' });
console.log(`2. added vehicle ${vehicle.id}: ${vehicle.year} ${vehicle.make} ${vehicle.model} (decoded from its VIN)`);

// Iterating a list yields every item of every page.
const garage = [];
for await (const car of client.vehicles.list(customer.id)) garage.push(car);
console.log(`3. ${customer.name} has ${garage.length} vehicle(s) on file`);

const job = await client.jobs.create({
  customer_id: customer.id,
  vehicle_id: vehicle.id,
  title: 'Front brake pads',
  line_items: [{ kind: 'labor', description: 'Replace front brake pads', hours: '1.5', rate: 12000 }],
});
console.log(`4. opened job ${job.id} "${job.title}": ${job.status} (${money(job.subtotal)} ${job.currency})`);

// The shop does the work; the job moves along the board.
for (const status of ['in-progress', 'completed'] as const) {
  const moved = await client.jobs.changeStatus(job.id, { status });
  console.log(`5. job ${moved.id} is now ${moved.status}`);
}

const invoice = await client.invoices.create({ job_id: job.id });
console.log(
  `6. invoiced it: ${invoice.id} ${invoice.status} (${invoice.line_items.length} line(s)), ` +
    `total ${money(invoice.total)} ${invoice.currency}`,
);

const sent = await client.invoices.send(invoice.id);
console.log(`7. sent ${sent.id} to ${sent.sent_to}: message_id ${sent.message_id}`);
console.log(`   PDF (signed link, no API key needed): ${sent.pdf_url}`);

try {
  await client.customers.get('cus_00000000000000000000000000');
  console.log('8. unexpectedly found a customer that should not exist');
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  console.log(`8. a missing customer is a typed error: status ${error.status}, code ${error.code}, request ${error.requestId}`);
}

if (client.rateLimit) {
  console.log(`   rate limit: ${client.rateLimit.remaining} of ${client.rateLimit.limit} left`);
}
