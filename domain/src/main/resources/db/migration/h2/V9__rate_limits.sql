-- Rate limits per provider, which an admin sets for the whole cluster: requests and tokens per
-- minute (dev.glimpse.domain.provider.ProviderControl). The token buckets that enforce them across
-- the nodes keep their state in rate_limit_bucket, a table of Bucket4j's (one row per provider,
-- limit and setting), not of an entity.

ALTER TABLE provider_control ADD COLUMN requests_per_minute INTEGER;
ALTER TABLE provider_control ADD COLUMN tokens_per_minute BIGINT;

CREATE TABLE rate_limit_bucket (
    id VARCHAR(100) NOT NULL,
    state VARBINARY,
    PRIMARY KEY (id)
);
