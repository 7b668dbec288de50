package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.compute.NicService;
import io.weft.server.compute.NicView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * AttachNetworkInterface and DetachNetworkInterface: an ENI attached to an instance is a NIC of that VM
 * ({@code NicService.attach}), at the device index asked for. An ENI has at most one attachment, so
 * the attachment's ID carries the ENI's digits ({@code eni-attach-…}) and resolves back to it.
 */
final class NetworkInterfaceAttachmentActions implements Ec2Action.Family {
    private static final String ATTACHMENT_PREFIX = "eni-attach-";

    private final NicService nics;
    private final Ec2IdResolver ids;

    @Inject
    NetworkInterfaceAttachmentActions(NicService nics, Ec2IdResolver ids) {
        this.nics = requireNonNull(nics, "nics is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("AttachNetworkInterface", this::attach),
                new Ec2Action("DetachNetworkInterface", this::detach));
    }

    private void attach(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        UUID nic = ids.networkInterface(caller, params.required("NetworkInterfaceId"));
        UUID vm = ids.resolve(Ec2Kind.INSTANCE, caller, params.required("InstanceId"));
        if (params.integer("NetworkCardIndex").filter(card -> card != 0).isPresent()) {
            throw Ec2Failure.invalidValue("an instance here has one network card, index 0");
        }
        if (nics.get(caller, nic).vmId().isPresent()) {
            throw new Ec2Failure(
                    "InvalidParameterValue",
                    "The network interface " + params.required("NetworkInterfaceId") + " is already attached");
        }
        NicView attached =
                nics.attach(caller, nic, vm, params.integer("DeviceIndex")).value();
        out.leaf("attachmentId", NetworkInterfaceActions.attachmentId(attached)).leaf("networkCardIndex", 0);
    }

    /** {@code Force} changes nothing here: Weft withdraws the NIC from its host either way. */
    private void detach(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        String attachmentId = call.params().required("AttachmentId");
        UUID nic = attachedNic(caller, attachmentId);
        if (nics.get(caller, nic).deviceIndex().filter(index -> index == 0).isPresent()) {
            // EC2: an instance's primary interface (device index 0) stays with it until it is terminated.
            throw new Ec2Failure(
                    "OperationNotPermitted", "The network interface at device index 0 cannot be detached.");
        }
        nics.detach(caller, nic);
        out.leaf("return", true);
    }

    private UUID attachedNic(Caller caller, String attachmentId) {
        Ec2Failure notFound = new Ec2Failure(
                "InvalidAttachmentID.NotFound", "The attachment ID '" + attachmentId + "' does not exist");
        if (!attachmentId.startsWith(ATTACHMENT_PREFIX)) {
            throw notFound;
        }
        String eniId = "eni-" + attachmentId.substring(ATTACHMENT_PREFIX.length());
        if (!Ec2Kind.NETWORK_INTERFACE.looksLike(eniId)) {
            throw notFound;
        }
        UUID nic;
        try {
            nic = ids.networkInterface(caller, eniId);
        } catch (Ec2Failure e) {
            throw notFound;
        }
        if (nics.get(caller, nic).vmId().isEmpty()) {
            throw notFound;
        }
        return nic;
    }
}
