"""Quickstart: a customer, their car by VIN, a job for it, and the invoice emailed.

    pip install ./sdk-bindings/python          # from a clone of the repository
    export VINSNAP_API_KEY=vsk_test_…           # a test key: sandbox data
    export VINSNAP_BASE_URL=http://127.0.0.1:8080
    python quickstart.py
"""

import os

import vinsnap

client = vinsnap.Client(
    os.environ["VINSNAP_API_KEY"],
    base_url=os.environ["VINSNAP_BASE_URL"],
)

customer = client.customers.create(
    name="Sarah Chen",
    phone="555-0142",
    email="s.chen@email.com",
)
print(f"1. created customer {customer.id} ({customer.name})")

vehicle = client.vehicles.create(customer.id, vin="1HGCM82633A004352")
print(f"2. added vehicle {vehicle.id}: {vehicle.year} {vehicle.make} {vehicle.model} (decoded from its VIN)")

# Iterating a list yields every item of every page.
garage = list(client.vehicles.list(customer.id))
print(f"3. {customer.name} has {len(garage)} vehicle(s) on file")

job = client.jobs.create(
    customer_id=customer.id,
    vehicle_id=vehicle.id,
    title="Front brake pads",
    line_items=[
        {"kind": "labor", "description": "Replace front brake pads", "hours": "1.5", "rate": 12000},
    ],
)
print(f'4. opened job {job.id} "{job.title}": {job.status} ({job.subtotal / 100:.2f} {job.currency})')

# The shop does the work; the job moves along the board.
for status in ("in-progress", "completed"):
    moved = client.jobs.change_status(job.id, status=status)
    print(f"5. job {moved.id} is now {moved.status}")

invoice = client.invoices.create(job_id=job.id)
print(
    f"6. invoiced it: {invoice.id} {invoice.status} ({len(invoice.line_items)} line(s)), "
    f"total {invoice.total / 100:.2f} {invoice.currency}"
)

sent = client.invoices.send(invoice.id)
print(f"7. sent {sent.id} to {sent.sent_to}: message_id {sent.message_id}")
print(f"   PDF (signed link, no API key needed): {sent.pdf_url}")

try:
    client.customers.get("cus_00000000000000000000000000")
    print("8. unexpectedly found a customer that should not exist")
except vinsnap.NotFoundError as e:
    print(f"8. a missing customer is a typed error: status {e.status_code}, code {e.code}, request {e.request_id}")

limit = client.rate_limit
if limit is not None:
    print(f"   rate limit: {limit.remaining} of {limit.limit} left")
