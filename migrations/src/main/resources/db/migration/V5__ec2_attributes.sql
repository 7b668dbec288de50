-- Weft schema, version 5: settings that exist only in EC2's view of a resource.
--
-- EC2 clients set and read back attributes that Weft's networks do not act on, such as a VPC's
-- enableDnsHostnames or a subnet's mapPublicIpOnLaunch. Terraform and Ansible compare what they set with
-- what they read, so the values are kept, one row per resource and attribute name. Rows name their
-- resource by public uuid, as resource_tags do; a row left behind by a deleted resource is never read
-- again, since uuids are not reused.

CREATE TABLE ec2_attributes (
    id BIGINT NOT NULL,
    uuid CHAR(36) NOT NULL,
    resource_uuid CHAR(36) NOT NULL,
    attribute_name VARCHAR(64) NOT NULL,
    attribute_value VARCHAR(255) NOT NULL,
    created ${timestamp} NOT NULL,
    CONSTRAINT pk_ec2_attributes PRIMARY KEY (id),
    CONSTRAINT uq_ec2_attributes_uuid UNIQUE (uuid),
    CONSTRAINT uq_ec2_attributes_name UNIQUE (resource_uuid, attribute_name)
);
