-- The event log: every committed change of a task's status, written in the task's transaction
-- (event_id null) and numbered after commit, one numbering at a time under the counter row's lock,
-- so that event ids follow the order in which changes became visible (dev.glimpse.domain.events.EventLog).
-- Rows older than GLIMPSE_EVENTS_RETENTION are deleted; purged_through is the greatest event id deleted.

CREATE SEQUENCE event_log_seq INCREMENT BY 1 START WITH 1;

CREATE TABLE event_log (
    id BIGINT NOT NULL,
    event_id BIGINT,
    numbered_at TIMESTAMP,
    task_event_id BIGINT NOT NULL,
    task_id VARCHAR(36) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    subject_type VARCHAR(16) NOT NULL,
    subject_id VARCHAR(36) NOT NULL,
    status VARCHAR(16) NOT NULL,
    at TIMESTAMP NOT NULL,
    owner VARCHAR(200) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT FK_event_log_task_event_id FOREIGN KEY (task_event_id) REFERENCES task_event (id)
);

CREATE UNIQUE INDEX ux_event_log_event_id ON event_log (event_id);
CREATE INDEX ix_event_log_owner ON event_log (owner, event_id);
CREATE INDEX ix_event_log_numbered_at ON event_log (numbered_at);

CREATE TABLE event_log_counter (
    id INTEGER NOT NULL,
    last_event_id BIGINT NOT NULL,
    purged_through BIGINT NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO event_log_counter (id, last_event_id, purged_through) VALUES (1, 0, 0);
