-- CloudStack's VM group (deployVirtualMachine/updateVirtualMachine group=, listed as "group"):
-- a free label the Terraform CloudStack provider and cmk read back. NULL: no group.
ALTER TABLE vms ADD COLUMN vm_group VARCHAR(255);
