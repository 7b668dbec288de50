-- Weft schema, version 4: the operator's catalogue of service offerings and templates.
--
-- Weft runs no guests and stores no images, but the clients that drive it (Terraform, Ansible, cs)
-- look offerings and templates up by name before they deploy a VM, and compare what a VM reports
-- with what they asked for. Both are metadata only.
--
-- Deleting an offering or a template marks it removed instead of deleting the row, as CloudStack
-- does: VMs keep reporting the name they were deployed with. VMs name them by uuid, without a
-- foreign key, so that an account's templates can go with the account while other accounts' VMs
-- still use them. A template's zone is a uuid too (NULL: every zone), so that deleting a zone does
-- not depend on the catalogue.
--
-- The defaults below make a fresh server usable at once. Their uuids are fixed (clients and tests
-- may name them); their surrogate keys are negative so that they never meet a value of weft_id_seq.

CREATE TABLE service_offerings (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    display_text VARCHAR(4096) NOT NULL,
    cpu_number INT NOT NULL,
    cpu_speed INT NOT NULL,
    memory INT NOT NULL,
    network_rate INT NULL,
    is_default BOOLEAN NOT NULL,
    created ${timestamp} NOT NULL,
    removed ${timestamp} NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_service_offerings PRIMARY KEY (id),
    CONSTRAINT uq_service_offerings_uuid UNIQUE (uuid),
    CONSTRAINT ck_service_offerings_sizes CHECK (cpu_number > 0 AND cpu_speed > 0 AND memory > 0)
);

-- account_id NULL: a template of the system, as CloudStack's built-in ones.
CREATE TABLE templates (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    account_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    display_text VARCHAR(4096) NOT NULL,
    format VARCHAR(16) NOT NULL,
    hypervisor VARCHAR(16) NOT NULL,
    os_type_uuid CHAR(36) NOT NULL,
    url VARCHAR(2048) NOT NULL,
    zone_uuid CHAR(36) NULL,
    is_public BOOLEAN NOT NULL,
    is_featured BOOLEAN NOT NULL,
    password_enabled BOOLEAN NOT NULL,
    created ${timestamp} NOT NULL,
    removed ${timestamp} NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_templates PRIMARY KEY (id),
    CONSTRAINT uq_templates_uuid UNIQUE (uuid)
);
CREATE INDEX ix_templates_account ON templates (account_id);
ALTER TABLE templates ADD CONSTRAINT fk_templates_account FOREIGN KEY (account_id) REFERENCES accounts (id);

ALTER TABLE vms ADD COLUMN service_offering_uuid CHAR(36) NULL;
ALTER TABLE vms ADD COLUMN template_uuid CHAR(36) NULL;

-- CloudStack's own defaults: the same names and sizes.
INSERT INTO service_offerings
    (id, uuid, name, display_text, cpu_number, cpu_speed, memory, network_rate, is_default, created, removed, version)
VALUES
    (-1, '0c5e7a20-0000-4000-8000-000000000001', 'Small Instance', 'Small Instance', 1, 500, 512, NULL, TRUE,
     '2026-01-01 00:00:00', NULL, 0),
    (-2, '0c5e7a20-0000-4000-8000-000000000002', 'Medium Instance', 'Medium Instance', 1, 1000, 1024, NULL, TRUE,
     '2026-01-01 00:00:00', NULL, 0);

-- One public, featured template in every zone, of OS type "Ubuntu 22.04 LTS (64-bit)" (OsTypes).
INSERT INTO templates
    (id, uuid, account_id, name, display_text, format, hypervisor, os_type_uuid, url, zone_uuid,
     is_public, is_featured, password_enabled, created, removed, version)
VALUES
    (-1, '0c5e7a30-0000-4000-8000-000000000001', NULL, 'Ubuntu 22.04 LTS', 'Ubuntu 22.04 LTS (64-bit)',
     'QCOW2', 'KVM', '0c5e7a10-0000-4000-8000-000000000012',
     'https://cloud-images.ubuntu.com/jammy/current/jammy-server-cloudimg-amd64.img', NULL,
     TRUE, TRUE, FALSE, '2026-01-01 00:00:00', NULL, 0);
