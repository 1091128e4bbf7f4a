-- Claiming due deliveries without ranking the whole backlog (`dispatcher::queue::claim`): each
-- endpoint's first due deliveries, in the order they are due, come from one index probe, and
-- the attempts in flight are counted among the leased rows alone.
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, next_attempt_ms, id)
    WHERE next_attempt_ms IS NOT NULL;
CREATE INDEX webhook_deliveries_leased ON webhook_deliveries (endpoint_id) WHERE leased;
