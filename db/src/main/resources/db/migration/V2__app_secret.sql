-- Secrets shared by every process on this database (the cookie and CSRF signing key),
-- generated once by the first process that needs one. Not seed data: a reset keeps them.
CREATE TABLE app_secret (
    secret_name  VARCHAR(40)  PRIMARY KEY,
    secret_value VARCHAR(200) NOT NULL
);
