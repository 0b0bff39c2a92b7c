-- The API clients an admin registers, and their keys (dev.glimpse.domain.access). A key's secret
-- is never stored: only its salt and its SHA-256 hash with the server's pepper. A key stops at
-- retires_at: at once when its client is revoked, after a grace period when it is rotated.

CREATE TABLE api_client (
    name VARCHAR(64) NOT NULL,
    admin BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    revoked_by VARCHAR(200),
    version BIGINT NOT NULL,
    PRIMARY KEY (name)
);

CREATE TABLE api_client_key (
    id VARCHAR(16) NOT NULL,
    client VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    hash VARCHAR(64) NOT NULL,
    retires_at TIMESTAMP,
    salt VARCHAR(32) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_api_client_key_client ON api_client_key (client);
