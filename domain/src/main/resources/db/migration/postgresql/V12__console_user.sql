-- The console's users (dev.glimpse.domain.access.ConsoleUser): a role, a password kept only as its
-- PBKDF2 hash (algorithm, iterations, salt and hash in one text), and whether the user may sign in.
-- Users are disabled, never deleted, so that a name in an audit trail keeps its meaning.

CREATE TABLE console_user (
    name VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP,
    changed_by VARCHAR(200),
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    password_set_at TIMESTAMP NOT NULL,
    password_set_by VARCHAR(200) NOT NULL,
    role VARCHAR(16) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (name)
);
