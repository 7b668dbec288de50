package io.weft.server.api.cloudstack;

/** The wire format of a CloudStack API reply. */
public enum ResponseFormat {
    JSON("application/json; charset=UTF-8"),
    XML("text/xml; charset=UTF-8");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
