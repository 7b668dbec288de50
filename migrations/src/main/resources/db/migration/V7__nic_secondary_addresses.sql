-- Weft schema, version 7: secondary private IPv4 addresses of a NIC.
--
-- EC2's AssignPrivateIpAddresses gives a network interface more private addresses from its subnet
-- besides the primary one (nics.ipv4_address). Each row is one such address. network_id repeats the
-- NIC's network so that the database keeps an address unique within a network; the primary addresses
-- are checked against these rows when they are allocated, and these against the primary ones.

CREATE TABLE nic_secondary_addresses (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    nic_id BIGINT NOT NULL,
    network_id BIGINT NOT NULL,
    ip_address VARCHAR(64) NOT NULL,
    CONSTRAINT pk_nic_secondary_addresses PRIMARY KEY (id),
    CONSTRAINT uq_nic_secondary_addresses_uuid UNIQUE (uuid),
    CONSTRAINT uq_nic_secondary_addresses_address UNIQUE (network_id, ip_address)
);

ALTER TABLE nic_secondary_addresses ADD CONSTRAINT fk_nic_secondary_addresses_nic FOREIGN KEY (nic_id) REFERENCES nics (id);
ALTER TABLE nic_secondary_addresses ADD CONSTRAINT fk_nic_secondary_addresses_network FOREIGN KEY (network_id) REFERENCES networks (id);
CREATE INDEX ix_nic_secondary_addresses_nic ON nic_secondary_addresses (nic_id);
