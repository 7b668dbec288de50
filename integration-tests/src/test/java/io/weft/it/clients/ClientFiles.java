package io.weft.it.clients;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The playbooks and scripts under {@code src/test/resources/clients}, as files a process can run. */
final class ClientFiles {
    private ClientFiles() {}

    static Path python(String script) {
        return resource("/clients/python/" + script);
    }

    static Path ansible(String file) {
        return resource("/clients/ansible/" + file);
    }

    private static Path resource(String name) {
        URL url = ClientFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name + " has no file path: " + url, e);
        }
    }
}
