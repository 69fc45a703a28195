-- Runs once, when the postgres container initialises an empty volume: the databases of the local
-- stack (infra/local/stack.sh creates the same three). Temporal's auto-setup creates its own.
CREATE DATABASE cwp_test;
CREATE DATABASE cwp_e2e;
