-- Pages by outlet: quote listings filtered by outlet start from it, and
-- the outlet pages of a web interface and tracing across outlets will.
CREATE INDEX pages_outlet ON pages (outlet_id);
