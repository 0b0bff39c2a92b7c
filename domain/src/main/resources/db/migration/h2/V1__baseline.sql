-- Glimpse's schema as the last release without migrations left it: the statements EclipseLink 4.0.9
-- sent to H2 for the entities of persistence.xml (ddl-generation create-or-extend-tables, captured
-- with output-mode sql-script and checked against H2's SCRIPT of a database that release made), once
-- each. A database that release made is baselined at this version instead of running it.

CREATE TABLE stored_blob (
    id VARCHAR(36) NOT NULL,
    content LONGVARBINARY NOT NULL,
    created_at TIMESTAMP NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    sha256 VARCHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE image_asset (
    id VARCHAR(36) NOT NULL,
    ai_generated BOOLEAN NOT NULL,
    alt_text VARCHAR(4000),
    awaiting_review BOOLEAN,
    content_blob_id VARCHAR(36) NOT NULL,
    content_sha256 VARCHAR(64) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    described_by_task VARCHAR(36),
    filename VARCHAR(255),
    height INTEGER NOT NULL,
    idempotency_key VARCHAR(200),
    input_hash VARCHAR(64),
    language VARCHAR(35) NOT NULL,
    model VARCHAR(200),
    owner VARCHAR(200) NOT NULL,
    preview_blob_id VARCHAR(36),
    preview_height INTEGER,
    preview_transparent BOOLEAN,
    preview_width INTEGER,
    prompt_version VARCHAR(32),
    proposed_alt_text VARCHAR(4000),
    proposed_labels VARCHAR(4000),
    provider VARCHAR(32),
    review_note VARCHAR(1000),
    review_state VARCHAR(16) NOT NULL,
    reviewed_at TIMESTAMP,
    reviewed_by VARCHAR(200),
    size_bytes BIGINT NOT NULL,
    task_id VARCHAR(36),
    triage_notes VARCHAR(6000),
    triage_reasons VARCHAR(500),
    triage_score INTEGER,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    width INTEGER NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_image_owner ON image_asset (owner, created_at);
CREATE INDEX ix_image_task ON image_asset (task_id);
CREATE INDEX ix_image_input_hash ON image_asset (input_hash);
CREATE INDEX ix_image_review_queue ON image_asset (awaiting_review, triage_score);

CREATE TABLE document (
    id VARCHAR(36) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    language VARCHAR(35) NOT NULL,
    owner VARCHAR(200) NOT NULL,
    text LONGVARCHAR NOT NULL,
    text_sha256 VARCHAR(64) NOT NULL,
    title VARCHAR(300) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_document_owner ON document (owner, created_at);

CREATE TABLE document_summary (
    document_id VARCHAR(36) NOT NULL,
    cost_usd NUMERIC(14,8),
    for_sha256 VARCHAR(64) NOT NULL,
    for_version BIGINT NOT NULL,
    generated_at TIMESTAMP NOT NULL,
    generation_millis BIGINT,
    model VARCHAR(200) NOT NULL,
    prompt_version VARCHAR(32) NOT NULL,
    proposal_waiting BOOLEAN,
    provider VARCHAR(32) NOT NULL,
    review_note VARCHAR(1000),
    review_state VARCHAR(16),
    reviewed_at TIMESTAMP,
    reviewed_by VARCHAR(200),
    text VARCHAR(8000) NOT NULL,
    tokens_in INTEGER,
    tokens_out INTEGER,
    version BIGINT NOT NULL,
    PRIMARY KEY (document_id)
);

CREATE TABLE summary_proposal (
    document_id VARCHAR(36) NOT NULL,
    cost_usd NUMERIC(14,8),
    for_sha256 VARCHAR(64) NOT NULL,
    for_version BIGINT NOT NULL,
    generation_millis BIGINT,
    key_points VARCHAR(8000),
    made_at TIMESTAMP NOT NULL,
    model VARCHAR(200),
    prompt_version VARCHAR(32),
    provider VARCHAR(32),
    refusal VARCHAR(2000),
    task_id VARCHAR(36) NOT NULL,
    text VARCHAR(8000),
    tokens_in INTEGER,
    tokens_out INTEGER,
    triage_notes VARCHAR(6000),
    triage_reasons VARCHAR(500),
    triage_score INTEGER NOT NULL,
    PRIMARY KEY (document_id)
);
CREATE INDEX ix_summary_proposal_triage ON summary_proposal (triage_score);

CREATE TABLE ai_task (
    id VARCHAR(36) NOT NULL,
    attempts INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    error_key VARCHAR(200),
    error_kind VARCHAR(32),
    kind VARCHAR(32) NOT NULL,
    last_error VARCHAR(2000),
    last_response VARCHAR(8192),
    lease_owner VARCHAR(200),
    lease_until TIMESTAMP,
    max_attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    owner VARCHAR(200) NOT NULL,
    priority VARCHAR(8) NOT NULL,
    priority_rank INTEGER NOT NULL,
    status VARCHAR(16) NOT NULL,
    subject_id VARCHAR(36) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_ai_task_due ON ai_task (status, kind, priority_rank, next_attempt_at);
CREATE INDEX ix_ai_task_subject ON ai_task (subject_id);

CREATE TABLE task_event (
    id BIGINT NOT NULL,
    actor VARCHAR(200) NOT NULL,
    at TIMESTAMP NOT NULL,
    from_status VARCHAR(16),
    message VARCHAR(1000),
    step VARCHAR(64) NOT NULL,
    to_status VARCHAR(16) NOT NULL,
    task_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_task_event_task ON task_event (task_id);

CREATE TABLE review_setting (
    content_kind VARCHAR(16) NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    mode VARCHAR(8) NOT NULL,
    PRIMARY KEY (content_kind)
);

CREATE TABLE text_revision (
    id VARCHAR(36) NOT NULL,
    ai BOOLEAN NOT NULL,
    author VARCHAR(400) NOT NULL,
    content_kind VARCHAR(16) NOT NULL,
    labels VARCHAR(4000),
    subject_id VARCHAR(36) NOT NULL,
    task_id VARCHAR(36),
    text VARCHAR(8000),
    written_at TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_text_revision_subject ON text_revision (subject_id, written_at);

CREATE TABLE image_label (
    image_id VARCHAR(36),
    label VARCHAR(100) NOT NULL,
    position INTEGER
);

CREATE TABLE document_key_point (
    document_id VARCHAR(36),
    key_point VARCHAR(1000) NOT NULL,
    position INTEGER
);
ALTER TABLE image_asset ADD CONSTRAINT uq_image_idempotency UNIQUE (owner, idempotency_key);
ALTER TABLE task_event ADD CONSTRAINT FK_task_event_task_id FOREIGN KEY (task_id) REFERENCES ai_task (id);
ALTER TABLE image_label ADD CONSTRAINT FK_image_label_image_id FOREIGN KEY (image_id) REFERENCES image_asset (id);
ALTER TABLE document_key_point ADD CONSTRAINT FK_document_key_point_document_id FOREIGN KEY (document_id) REFERENCES document_summary (document_id);
CREATE SEQUENCE task_event_seq INCREMENT BY 50 START WITH 50;
