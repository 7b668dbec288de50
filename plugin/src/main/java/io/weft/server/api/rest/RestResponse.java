package io.weft.server.api.rest;

/** What a REST handler answers: an HTTP status and a body that Jackson writes as JSON. */
public record RestResponse(int status, Object body) {
    public static RestResponse ok(Object body) {
        return new RestResponse(200, body);
    }

    public static RestResponse created(Object body) {
        return new RestResponse(201, body);
    }

    public static RestResponse noContent() {
        return new RestResponse(204, null);
    }
}
