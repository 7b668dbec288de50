package io.weft.testsupport.cloudstack;

/** A call that had to succeed did not; the message carries the command and the server's reply. */
public final class CloudStackCallFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CloudStackCallFailed(String message) {
        super(message);
    }
}
