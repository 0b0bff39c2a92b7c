-- What an admin decided for each AI provider, for every node: whether its work is paused (by
-- whom, since when) and the caps on what its calls may spend per UTC day and month, in US dollars
-- from the price table and in tokens; and until when the provider asked every node to slow down
-- (a 429 or 503 answer) (dev.glimpse.domain.provider.ProviderControl).

CREATE TABLE provider_control (
    provider VARCHAR(32) NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    daily_budget_tokens BIGINT,
    daily_budget_usd DECIMAL(14,8),
    monthly_budget_tokens BIGINT,
    monthly_budget_usd DECIMAL(14,8),
    paused_at TIMESTAMP,
    paused_by VARCHAR(200),
    slow_reason VARCHAR(300),
    slow_until TIMESTAMP,
    version BIGINT NOT NULL,
    PRIMARY KEY (provider)
);
