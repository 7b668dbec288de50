package io.weft.server.api.cloudstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.error.ErrorCode;
import io.weft.server.jobs.JobFailures;

/** A failed job as CloudStack reports it: its error object as the result, its {@code errorcode}. */
public final class CloudStackJobFailures implements JobFailures {
    @Override
    public ObjectNode body(ErrorCode code, String message) {
        return CloudStackEnvelopes.errorBody(CloudStackError.of(code), message);
    }

    @Override
    public int resultCode(ErrorCode code) {
        return CloudStackError.of(code).errorCode();
    }
}
