-- Seed 000, test 2: ten rows of 2,500-character strings, fetched at random.
-- Kept to the SQL that H2 and PostgreSQL share.
CREATE TABLE test (
    id   INTEGER       PRIMARY KEY,
    body VARCHAR(2500) NOT NULL
);

-- Which version of the seed data the tables hold; reset rewrites it.
CREATE TABLE seed_info (
    id      INTEGER     PRIMARY KEY,
    version VARCHAR(40) NOT NULL
);
