-- Weft schema, version 1: topology, tenancy, the network model, the outbox, jobs and the dispatcher lease.
--
-- One file for H2 2.x, PostgreSQL 15 and MariaDB 10.11 / MySQL. Two Flyway placeholders stand for the
-- only types that have no spelling all three accept; io.weft.server.persistence.DatabaseVendor sets them:
--   ${timestamp}  TIMESTAMP(6) on H2 and PostgreSQL; DATETIME(6) on MariaDB/MySQL, whose TIMESTAMP ends
--                 in 2038 and converts through the session time zone.
--   ${text}       long JSON documents: CHARACTER VARYING(1000000) on H2, TEXT on PostgreSQL,
--                 MEDIUMTEXT on MariaDB/MySQL (VARCHAR there counts against the 64 KiB row limit).
--
-- Every table has a numeric surrogate key (from weft_id_seq; the increment of 50 matches Hibernate's
-- pooled optimizer, which lets inserts be batched) and a public uuid. Tables whose rows are updated
-- concurrently carry a version column for optimistic locking. Foreign keys are added at the end,
-- after the indexes, so that MariaDB reuses those indexes instead of creating its own.
-- Reserved words are avoided as names (users, tag_key, tag_value, device_index).

CREATE SEQUENCE weft_id_seq START WITH 1 INCREMENT BY 50;

-- Topology: zone > pod > cluster > host ------------------------------------------------------------

CREATE TABLE zones (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    dns1 VARCHAR(64) NOT NULL,
    dns2 VARCHAR(64) NULL,
    internal_dns1 VARCHAR(64) NOT NULL,
    internal_dns2 VARCHAR(64) NULL,
    network_type VARCHAR(16) NOT NULL,
    security_groups_enabled BOOLEAN NOT NULL,
    allocation_state VARCHAR(16) NOT NULL,
    guest_cidr VARCHAR(64) NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_zones PRIMARY KEY (id),
    CONSTRAINT uq_zones_uuid UNIQUE (uuid),
    CONSTRAINT uq_zones_name UNIQUE (name)
);

-- The segment ids (VXLAN VNI, GRE key, VLAN id) a zone may hand out to networks, per isolation type.
CREATE TABLE zone_segment_ranges (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    zone_id BIGINT NOT NULL,
    isolation_type VARCHAR(8) NOT NULL,
    range_start BIGINT NOT NULL,
    range_end BIGINT NOT NULL,
    CONSTRAINT pk_zone_segment_ranges PRIMARY KEY (id),
    CONSTRAINT uq_zone_segment_ranges_uuid UNIQUE (uuid),
    CONSTRAINT ck_zone_segment_ranges_order CHECK (range_start <= range_end)
);
CREATE INDEX ix_zone_segment_ranges_zone ON zone_segment_ranges (zone_id, isolation_type);

CREATE TABLE pods (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    zone_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    gateway VARCHAR(64) NULL,
    netmask VARCHAR(64) NULL,
    start_ip VARCHAR(64) NULL,
    end_ip VARCHAR(64) NULL,
    allocation_state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_pods PRIMARY KEY (id),
    CONSTRAINT uq_pods_uuid UNIQUE (uuid),
    CONSTRAINT uq_pods_zone_name UNIQUE (zone_id, name)
);

CREATE TABLE clusters (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    zone_id BIGINT NOT NULL,
    pod_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    hypervisor_type VARCHAR(32) NOT NULL,
    cluster_type VARCHAR(32) NOT NULL,
    allocation_state VARCHAR(16) NOT NULL,
    managed_state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_clusters PRIMARY KEY (id),
    CONSTRAINT uq_clusters_uuid UNIQUE (uuid),
    CONSTRAINT uq_clusters_zone_name UNIQUE (zone_id, name)
);
CREATE INDEX ix_clusters_pod ON clusters (pod_id);

-- A hypervisor. Generations: the server's desired one (bumped per update sent) and the one the agent
-- acknowledged, with the hash of its desired state; both are compared to decide convergence.
CREATE TABLE hosts (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    zone_id BIGINT NOT NULL,
    pod_id BIGINT NULL,
    cluster_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    tunnel_address VARCHAR(64) NOT NULL,
    hypervisor_type VARCHAR(32) NOT NULL,
    agent_user VARCHAR(64) NOT NULL,
    agent_secret VARCHAR(512) NOT NULL,
    resource_state VARCHAR(16) NOT NULL,
    state VARCHAR(16) NOT NULL,
    desired_generation BIGINT NOT NULL,
    applied_generation BIGINT NOT NULL,
    applied_hash VARCHAR(128) NULL,
    last_error VARCHAR(2048) NULL,
    last_heartbeat ${timestamp} NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_hosts PRIMARY KEY (id),
    CONSTRAINT uq_hosts_uuid UNIQUE (uuid),
    CONSTRAINT uq_hosts_zone_name UNIQUE (zone_id, name),
    CONSTRAINT uq_hosts_zone_tunnel_address UNIQUE (zone_id, tunnel_address),
    CONSTRAINT uq_hosts_agent_user UNIQUE (agent_user)
);
CREATE INDEX ix_hosts_pod ON hosts (pod_id);
CREATE INDEX ix_hosts_cluster ON hosts (cluster_id);

-- Tenancy: domain > account > user ------------------------------------------------------------------

-- path is the chain of names from the root, each followed by a slash (ROOT/, ROOT/sales/), so that a
-- subtree is one prefix match.
CREATE TABLE domains (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    parent_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    path VARCHAR(512) NOT NULL,
    level INT NOT NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_domains PRIMARY KEY (id),
    CONSTRAINT uq_domains_uuid UNIQUE (uuid),
    CONSTRAINT uq_domains_path UNIQUE (path)
);
CREATE INDEX ix_domains_parent ON domains (parent_id);

-- account_type is CloudStack's: 0 user, 1 root admin, 2 domain admin.
CREATE TABLE accounts (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    domain_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    account_type INT NOT NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_uuid UNIQUE (uuid),
    CONSTRAINT uq_accounts_domain_name UNIQUE (domain_id, name)
);

-- secret_key holds the API secret encrypted (SecretCipher); domain_id repeats the account's so that
-- user names can be unique per domain, as in CloudStack.
CREATE TABLE users (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    domain_id BIGINT NOT NULL,
    username VARCHAR(255) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    email VARCHAR(255) NULL,
    first_name VARCHAR(255) NULL,
    last_name VARCHAR(255) NULL,
    api_key VARCHAR(128) NULL,
    secret_key VARCHAR(512) NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_uuid UNIQUE (uuid),
    CONSTRAINT uq_users_domain_username UNIQUE (domain_id, username),
    CONSTRAINT uq_users_api_key UNIQUE (api_key)
);
CREATE INDEX ix_users_account ON users (account_id);

-- Network model ---------------------------------------------------------------------------------------

-- A scope groups networks and security groups under one address range: an EC2 VPC.
CREATE TABLE network_scopes (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    zone_id BIGINT NULL,
    name VARCHAR(255) NULL,
    cidr VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_network_scopes PRIMARY KEY (id),
    CONSTRAINT uq_network_scopes_uuid UNIQUE (uuid)
);
CREATE INDEX ix_network_scopes_account ON network_scopes (account_id);
CREATE INDEX ix_network_scopes_zone ON network_scopes (zone_id);

-- segment_id is unique per zone and isolation type: two networks must never share a VNI/key/VLAN.
CREATE TABLE networks (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    zone_id BIGINT NOT NULL,
    scope_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    display_text VARCHAR(255) NULL,
    isolation_type VARCHAR(8) NOT NULL,
    segment_id BIGINT NULL,
    cidr VARCHAR(64) NOT NULL,
    gateway VARCHAR(64) NOT NULL,
    ipv6_cidr VARCHAR(64) NULL,
    ipv6_gateway VARCHAR(64) NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_networks PRIMARY KEY (id),
    CONSTRAINT uq_networks_uuid UNIQUE (uuid),
    CONSTRAINT uq_networks_segment UNIQUE (zone_id, isolation_type, segment_id)
);
CREATE INDEX ix_networks_account ON networks (account_id);
CREATE INDEX ix_networks_scope ON networks (scope_id);

CREATE TABLE vms (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    zone_id BIGINT NOT NULL,
    host_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NULL,
    state VARCHAR(16) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_vms PRIMARY KEY (id),
    CONSTRAINT uq_vms_uuid UNIQUE (uuid)
);
CREATE INDEX ix_vms_account ON vms (account_id);
CREATE INDEX ix_vms_zone ON vms (zone_id);
CREATE INDEX ix_vms_host ON vms (host_id);

-- A NIC may exist without a VM (an EC2 network interface before attachment). host_id is where its
-- port is bound, which is what decides the hosts an update goes to.
CREATE TABLE nics (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    network_id BIGINT NOT NULL,
    vm_id BIGINT NULL,
    host_id BIGINT NULL,
    mac_address VARCHAR(17) NOT NULL,
    ipv4_address VARCHAR(64) NULL,
    ipv6_address VARCHAR(64) NULL,
    port_security_enabled BOOLEAN NOT NULL,
    tap_name VARCHAR(15) NULL,
    device_index INT NULL,
    is_default BOOLEAN NOT NULL,
    description VARCHAR(255) NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_nics PRIMARY KEY (id),
    CONSTRAINT uq_nics_uuid UNIQUE (uuid),
    CONSTRAINT uq_nics_mac_address UNIQUE (mac_address),
    CONSTRAINT uq_nics_network_ipv4 UNIQUE (network_id, ipv4_address),
    CONSTRAINT uq_nics_network_ipv6 UNIQUE (network_id, ipv6_address),
    CONSTRAINT uq_nics_host_tap_name UNIQUE (host_id, tap_name)
);
CREATE INDEX ix_nics_account ON nics (account_id);
CREATE INDEX ix_nics_vm ON nics (vm_id);

-- Extra addresses a NIC may send from with port security on (address is an IP or a CIDR).
CREATE TABLE nic_allowed_address_pairs (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    nic_id BIGINT NOT NULL,
    ip_address VARCHAR(64) NOT NULL,
    mac_address VARCHAR(17) NULL,
    CONSTRAINT pk_nic_allowed_address_pairs PRIMARY KEY (id),
    CONSTRAINT uq_nic_allowed_address_pairs_uuid UNIQUE (uuid),
    CONSTRAINT uq_nic_allowed_address_pairs_pair UNIQUE (nic_id, ip_address, mac_address)
);

-- scope_key is the scope's uuid, or '' for none: a unique key over a nullable column would let two
-- unscoped groups share a name, since NULLs never collide.
CREATE TABLE security_groups (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    scope_id BIGINT NULL,
    scope_key VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    description VARCHAR(255) NULL,
    egress_policy VARCHAR(32) NOT NULL,
    created ${timestamp} NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_security_groups PRIMARY KEY (id),
    CONSTRAINT uq_security_groups_uuid UNIQUE (uuid),
    CONSTRAINT uq_security_groups_name UNIQUE (account_id, scope_key, name)
);
CREATE INDEX ix_security_groups_scope ON security_groups (scope_id);

-- The remote side is a CIDR or another group, never both, never neither.
CREATE TABLE security_group_rules (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    security_group_id BIGINT NOT NULL,
    direction VARCHAR(8) NOT NULL,
    ether_type VARCHAR(8) NOT NULL,
    protocol VARCHAR(16) NOT NULL,
    start_port INT NULL,
    end_port INT NULL,
    icmp_type INT NULL,
    icmp_code INT NULL,
    remote_cidr VARCHAR(64) NULL,
    remote_group_id BIGINT NULL,
    description VARCHAR(255) NULL,
    created ${timestamp} NOT NULL,
    CONSTRAINT pk_security_group_rules PRIMARY KEY (id),
    CONSTRAINT uq_security_group_rules_uuid UNIQUE (uuid),
    CONSTRAINT ck_security_group_rules_remote CHECK (
        (remote_cidr IS NOT NULL AND remote_group_id IS NULL) OR (remote_cidr IS NULL AND remote_group_id IS NOT NULL))
);
CREATE INDEX ix_security_group_rules_group ON security_group_rules (security_group_id);
CREATE INDEX ix_security_group_rules_remote_group ON security_group_rules (remote_group_id);

CREATE TABLE nic_security_groups (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    nic_id BIGINT NOT NULL,
    security_group_id BIGINT NOT NULL,
    CONSTRAINT pk_nic_security_groups PRIMARY KEY (id),
    CONSTRAINT uq_nic_security_groups_uuid UNIQUE (uuid),
    CONSTRAINT uq_nic_security_groups_pair UNIQUE (nic_id, security_group_id)
);
CREATE INDEX ix_nic_security_groups_group ON nic_security_groups (security_group_id);

-- Tags point at any resource by type and public id, as CloudStack's and EC2's tags do.
CREATE TABLE resource_tags (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    resource_type VARCHAR(64) NOT NULL,
    resource_uuid CHAR(36) NOT NULL,
    tag_key VARCHAR(128) NOT NULL,
    tag_value VARCHAR(255) NOT NULL,
    created ${timestamp} NOT NULL,
    CONSTRAINT pk_resource_tags PRIMARY KEY (id),
    CONSTRAINT uq_resource_tags_uuid UNIQUE (uuid),
    CONSTRAINT uq_resource_tags_key UNIQUE (resource_type, resource_uuid, tag_key)
);
CREATE INDEX ix_resource_tags_account ON resource_tags (account_id);

-- Orchestration -----------------------------------------------------------------------------------------

-- The transactional outbox: written in the same transaction as the change it names; the dispatcher
-- reads undispatched records in id order and marks them.
CREATE TABLE change_records (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    created ${timestamp} NOT NULL,
    kind VARCHAR(64) NOT NULL,
    payload ${text} NOT NULL,
    dispatched BOOLEAN NOT NULL,
    dispatched_at ${timestamp} NULL,
    CONSTRAINT pk_change_records PRIMARY KEY (id),
    CONSTRAINT uq_change_records_uuid UNIQUE (uuid)
);
CREATE INDEX ix_change_records_pending ON change_records (dispatched, id);

-- CloudStack async jobs: status 0 pending, 1 succeeded, 2 failed; result is the JSON jobresult.
CREATE TABLE async_jobs (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NOT NULL,
    user_id BIGINT NULL,
    command VARCHAR(128) NOT NULL,
    status INT NOT NULL,
    result_code INT NOT NULL,
    result ${text} NULL,
    instance_type VARCHAR(64) NULL,
    instance_uuid CHAR(36) NULL,
    created ${timestamp} NOT NULL,
    completed ${timestamp} NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_async_jobs PRIMARY KEY (id),
    CONSTRAINT uq_async_jobs_uuid UNIQUE (uuid)
);
CREATE INDEX ix_async_jobs_account ON async_jobs (account_id);

-- Who holds a cluster-wide role (the dispatcher) until when; epoch grows with every new holder so that
-- messages from a deposed holder can be told apart.
CREATE TABLE dispatcher_leases (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    holder VARCHAR(255) NULL,
    epoch BIGINT NOT NULL,
    expires_at ${timestamp} NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_dispatcher_leases PRIMARY KEY (id),
    CONSTRAINT uq_dispatcher_leases_uuid UNIQUE (uuid),
    CONSTRAINT uq_dispatcher_leases_name UNIQUE (name)
);

-- Foreign keys ------------------------------------------------------------------------------------------

ALTER TABLE zone_segment_ranges ADD CONSTRAINT fk_zone_segment_ranges_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE pods ADD CONSTRAINT fk_pods_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE clusters ADD CONSTRAINT fk_clusters_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE clusters ADD CONSTRAINT fk_clusters_pod FOREIGN KEY (pod_id) REFERENCES pods (id);
ALTER TABLE hosts ADD CONSTRAINT fk_hosts_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE hosts ADD CONSTRAINT fk_hosts_pod FOREIGN KEY (pod_id) REFERENCES pods (id);
ALTER TABLE hosts ADD CONSTRAINT fk_hosts_cluster FOREIGN KEY (cluster_id) REFERENCES clusters (id);
ALTER TABLE domains ADD CONSTRAINT fk_domains_parent FOREIGN KEY (parent_id) REFERENCES domains (id);
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_domain FOREIGN KEY (domain_id) REFERENCES domains (id);
ALTER TABLE users ADD CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE users ADD CONSTRAINT fk_users_domain FOREIGN KEY (domain_id) REFERENCES domains (id);
ALTER TABLE network_scopes ADD CONSTRAINT fk_network_scopes_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE network_scopes ADD CONSTRAINT fk_network_scopes_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE networks ADD CONSTRAINT fk_networks_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE networks ADD CONSTRAINT fk_networks_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE networks ADD CONSTRAINT fk_networks_scope FOREIGN KEY (scope_id) REFERENCES network_scopes (id);
ALTER TABLE vms ADD CONSTRAINT fk_vms_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE vms ADD CONSTRAINT fk_vms_zone FOREIGN KEY (zone_id) REFERENCES zones (id);
ALTER TABLE vms ADD CONSTRAINT fk_vms_host FOREIGN KEY (host_id) REFERENCES hosts (id);
ALTER TABLE nics ADD CONSTRAINT fk_nics_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE nics ADD CONSTRAINT fk_nics_network FOREIGN KEY (network_id) REFERENCES networks (id);
ALTER TABLE nics ADD CONSTRAINT fk_nics_vm FOREIGN KEY (vm_id) REFERENCES vms (id);
ALTER TABLE nics ADD CONSTRAINT fk_nics_host FOREIGN KEY (host_id) REFERENCES hosts (id);
ALTER TABLE nic_allowed_address_pairs ADD CONSTRAINT fk_nic_allowed_address_pairs_nic FOREIGN KEY (nic_id) REFERENCES nics (id);
ALTER TABLE security_groups ADD CONSTRAINT fk_security_groups_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE security_groups ADD CONSTRAINT fk_security_groups_scope FOREIGN KEY (scope_id) REFERENCES network_scopes (id);
ALTER TABLE security_group_rules ADD CONSTRAINT fk_security_group_rules_group FOREIGN KEY (security_group_id) REFERENCES security_groups (id);
ALTER TABLE security_group_rules ADD CONSTRAINT fk_security_group_rules_remote_group FOREIGN KEY (remote_group_id) REFERENCES security_groups (id);
ALTER TABLE nic_security_groups ADD CONSTRAINT fk_nic_security_groups_nic FOREIGN KEY (nic_id) REFERENCES nics (id);
ALTER TABLE nic_security_groups ADD CONSTRAINT fk_nic_security_groups_group FOREIGN KEY (security_group_id) REFERENCES security_groups (id);
ALTER TABLE resource_tags ADD CONSTRAINT fk_resource_tags_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE async_jobs ADD CONSTRAINT fk_async_jobs_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE async_jobs ADD CONSTRAINT fk_async_jobs_user FOREIGN KEY (user_id) REFERENCES users (id);
