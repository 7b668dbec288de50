package io.weft.server.catalogue;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;

/**
 * CloudStack's text for an id that names nothing the caller may see. Clients match it: Terraform's
 * provider treats a delete answered with it as done, and reads it as "gone".
 */
public final class CatalogueErrors {
    private CatalogueErrors() {}

    public static WeftException noSuch(String parameter, Object id) {
        return new WeftException(
                ErrorCode.NOT_FOUND,
                "Invalid parameter " + parameter + " value=" + id
                        + " due to incorrect long value format, or entity does not exist or due to incorrect"
                        + " parameter annotation for the field in api cmd class.");
    }
}
