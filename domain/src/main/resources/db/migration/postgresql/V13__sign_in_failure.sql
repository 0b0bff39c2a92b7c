-- Failed console sign-ins per user name ("user:<name>") and per client address ("address:<ip>"),
-- since the last success, and until when further attempts are refused
-- (dev.glimpse.domain.access.SignInThrottle).

CREATE TABLE sign_in_failure (
    subject VARCHAR(200) NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    PRIMARY KEY (subject)
);
