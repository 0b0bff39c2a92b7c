-- The summaries of long documents' parts, kept as soon as each is made, by the digest of the part's
-- text, language, model and prompt version: a retried or re-generated summary pays only for the
-- parts it lacks.

CREATE TABLE summary_part (
    part_key VARCHAR(64) NOT NULL,
    key_points VARCHAR(8000),
    made_at TIMESTAMP NOT NULL,
    text VARCHAR(8000) NOT NULL,
    PRIMARY KEY (part_key)
);
CREATE INDEX ix_summary_part_made ON summary_part (made_at);
