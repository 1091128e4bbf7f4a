#!/usr/bin/env bash
# Customer to emailed invoice with curl (and jq to read ids from the answers).
set -euo pipefail

api() {
  curl --fail-with-body -sS -H "Authorization: Bearer $VINSNAP_API_KEY" \
    -H "Content-Type: application/json" "$@"
}

customer=$(api -X POST "$VINSNAP_BASE_URL/customers" \
  -d '{"name": "Sarah Chen", "phone": "555-0142", "email": "s.chen@email.com"}' | jq -r .id)
echo "1. customer $customer"

vehicle=$(api -X POST "$VINSNAP_BASE_URL/customers/$customer/vehicles" \
  -d '{"vin": "1HGCM82633A004352"}' | jq -r '.id')
echo "2. vehicle $vehicle"

job=$(jq -n --arg customer "$customer" --arg vehicle "$vehicle" '{
    customer_id: $customer,
    vehicle_id: $vehicle,
    title: "Front brake pads",
    line_items: [{kind: "labor", description: "Replace front brake pads", hours: "1.5", rate: 12000}]
  }' | api -X POST "$VINSNAP_BASE_URL/jobs" -d @- | jq -r .id)
echo "3. job $job"

for status in in-progress completed; do
  api -X POST "$VINSNAP_BASE_URL/jobs/$job/status" -d "{\"status\": \"$status\"}" | jq -r '"4. job is now " + .status'
done

invoice=$(api -X POST "$VINSNAP_BASE_URL/invoices" -d "{\"job_id\": \"$job\"}" | jq -r .id)
echo "5. invoice $invoice"

api -X POST "$VINSNAP_BASE_URL/invoices/$invoice/send" \
  | jq -r '"6. invoice \(.id) is \(.status), emailed to \(.sent_to), PDF: \(.pdf_url)"'
