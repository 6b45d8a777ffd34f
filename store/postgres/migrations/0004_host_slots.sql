-- Per-host politeness shared by every worker: the earliest time (Unix
-- milliseconds, by the database's clock) at which the next request to a
-- host may start. A worker reserves a slot by moving it forward.
CREATE TABLE host_slots (
    host    TEXT PRIMARY KEY,
    next_at BIGINT NOT NULL
);
