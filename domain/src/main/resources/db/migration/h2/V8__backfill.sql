-- Backfills: "describe every image without ALT text", "summarize every document without a current
-- summary", optionally narrowed, capped and at a priority. The row is the backfill's whole state:
-- how far it has come through the candidates (after_id, in id order), what it handed to the queue,
-- which node's job feeds it now (runner, until runner_until) and who paused, resumed or cancelled
-- it (dev.glimpse.domain.backfill.Backfill). A task a backfill handed to the queue names it.

CREATE TABLE backfill (
    id VARCHAR(36) NOT NULL,
    after_id VARCHAR(36),
    cap INTEGER,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    enqueued INTEGER NOT NULL,
    fed BOOLEAN NOT NULL,
    filter_error_kind VARCHAR(32),
    filter_from TIMESTAMP,
    filter_before TIMESTAMP,
    filter_text VARCHAR(200),
    finished_at TIMESTAMP,
    kind VARCHAR(32) NOT NULL,
    owner VARCHAR(200),
    planned INTEGER NOT NULL,
    priority VARCHAR(8) NOT NULL,
    runner VARCHAR(200),
    runner_until TIMESTAMP,
    skipped INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    status_at TIMESTAMP NOT NULL,
    status_by VARCHAR(200) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_backfill_status ON backfill (status, created_at);

ALTER TABLE ai_task ADD COLUMN backfill_id VARCHAR(36);
CREATE INDEX ix_ai_task_backfill ON ai_task (backfill_id, status);
