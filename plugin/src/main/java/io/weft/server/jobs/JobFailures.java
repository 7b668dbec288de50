package io.weft.server.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weft.server.error.ErrorCode;

/**
 * How the API edge that runs jobs reports a failed one: the result body and the result code it
 * stores for an error code. Bound by that edge's module; the jobs feature knows no wire format.
 */
public interface JobFailures {
    ObjectNode body(ErrorCode code, String message);

    int resultCode(ErrorCode code);
}
