-- Pages by outlet: quote listings filtered by outlet start from it.
CREATE INDEX pages_outlet ON pages (outlet_id);
