-- Weft schema, version 3: EC2's ClientToken on network interfaces.
--
-- CreateNetworkInterface with a ClientToken is idempotent per account: a retry with the same token and
-- the same parameters returns the interface made the first time. The token is kept with the NIC it
-- made, so that this holds across restarts, together with a hash of that request's parameters, which
-- tells a retry from a reuse of the token with other parameters. The unique key makes a concurrent
-- second create with the same token fail instead of making a second NIC; NULLs never collide, so NICs
-- made without a token are not affected.

ALTER TABLE nics ADD COLUMN client_token VARCHAR(64) NULL;
ALTER TABLE nics ADD COLUMN client_request_hash VARCHAR(64) NULL;
ALTER TABLE nics ADD CONSTRAINT uq_nics_account_client_token UNIQUE (account_id, client_token);
