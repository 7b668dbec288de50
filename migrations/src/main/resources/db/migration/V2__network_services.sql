-- Weft schema, version 2: what the network services need beyond version 1.
--
-- A network's guest range may be narrowed to a start-end address range (CloudStack's startip/endip);
-- both NULL means the whole CIDR. A NIC's source/destination check (EC2's SourceDestCheck) is kept apart
-- from port security: turning it off lifts only anti-spoofing, the NIC's security groups still apply.
-- Plain ADD COLUMN with a constant default reads the same on H2, PostgreSQL and MariaDB.

ALTER TABLE networks ADD COLUMN start_ip VARCHAR(64) NULL;
ALTER TABLE networks ADD COLUMN end_ip VARCHAR(64) NULL;
ALTER TABLE nics ADD COLUMN source_dest_check BOOLEAN DEFAULT TRUE NOT NULL;
