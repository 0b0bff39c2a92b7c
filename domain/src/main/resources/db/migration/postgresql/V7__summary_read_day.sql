-- How the whole cluster served summary reads per UTC day: fresh hits, stale hits and misses, to
-- which every node adds what it counted (dev.glimpse.infrastructure.metrics.SummaryReadDay).

CREATE TABLE summary_read_day (
    read_on DATE NOT NULL,
    hits BIGINT NOT NULL,
    misses BIGINT NOT NULL,
    stale_hits BIGINT NOT NULL,
    PRIMARY KEY (read_on)
);
