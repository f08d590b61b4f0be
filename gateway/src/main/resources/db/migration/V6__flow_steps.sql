-- Liên thông flow steps (form 06): each agency step of a flow, with its own deadline. Whether the
-- step was on time is read against agency_message (DONE and its updated_at). Portable SQL.
CREATE TABLE flow_step (
    message_id    VARCHAR(64)  PRIMARY KEY,
    dossier_code  VARCHAR(64)  NOT NULL,
    operation     VARCHAR(40)  NOT NULL,
    agency_id     VARCHAR(40)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_flow_step_started ON flow_step (started_at);
