-- Work that must run once in a cluster (message-log sealing and purge, the overdue watch) runs on
-- the node that holds a lease row here, taken and renewed by a conditional UPDATE (docs/cluster.md).
-- A row per lease name, added by the first node that asks. Portable SQL: H2 2.x and PostgreSQL 13+.
CREATE TABLE run_once_lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    held_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
