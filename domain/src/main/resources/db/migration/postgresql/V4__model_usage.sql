-- What the model calls of every attempt cost, one row per attempt that called a model, written as
-- soon as its calls are made, whatever becomes of the attempt: the cluster's spend, latency and
-- throughput for the dashboard, budgets and quotas (dev.glimpse.domain.usage.ModelUsage).
-- A task_event line that ends an attempt in failure keeps its error kind, for failures by kind;
-- tasks by kind and creation time tell how far the work queued since a moment has come.

CREATE TABLE model_usage (
    id VARCHAR(36) NOT NULL,
    at TIMESTAMP NOT NULL,
    calls INTEGER NOT NULL,
    cost_usd DECIMAL(14,8),
    kind VARCHAR(32) NOT NULL,
    latency_millis BIGINT NOT NULL,
    model VARCHAR(200) NOT NULL,
    outcome VARCHAR(32) NOT NULL,
    owner VARCHAR(200) NOT NULL,
    provider VARCHAR(32) NOT NULL,
    task_id VARCHAR(36) NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_model_usage_at ON model_usage (at);
CREATE INDEX ix_model_usage_owner ON model_usage (owner, at);

ALTER TABLE task_event ADD COLUMN error_kind VARCHAR(32);
CREATE INDEX ix_task_event_at ON task_event (at);
CREATE INDEX ix_ai_task_created ON ai_task (kind, created_at);
