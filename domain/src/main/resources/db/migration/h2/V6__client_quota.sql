-- The API clients' daily quotas as an admin set them: uploads (images and documents) and model
-- calls for their items per UTC day; null is no limit (dev.glimpse.domain.quota.ClientQuota).

CREATE TABLE client_quota (
    client VARCHAR(200) NOT NULL,
    calls_per_day INTEGER,
    changed_at TIMESTAMP NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    uploads_per_day INTEGER,
    version BIGINT NOT NULL,
    PRIMARY KEY (client)
);
