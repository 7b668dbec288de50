package io.weft.server.api.cloudstack;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import io.weft.server.tenancy.Caller;

/** The job service until the jobs feature is installed: async commands fail as unavailable. */
public final class UnavailableAsyncJobService implements AsyncJobService {
    @Override
    public String submit(Caller caller, CloudStackCommand command, Params params) {
        throw new WeftException(ErrorCode.UNAVAILABLE, "async jobs are not available on this server");
    }
}
