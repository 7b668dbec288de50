package io.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key material made at test time by the JDK's own keytool: a self-signed EC key pair for
 * {@code 127.0.0.1} and {@code localhost} in a PKCS12 key store, and trust stores holding its
 * certificate. Nothing is checked in, and nothing outlives the test's directory.
 */
public final class TestKeyStores {
    private TestKeyStores() {}

    /** A PKCS12 key store at {@code keyStore} with one self-signed key pair under {@code alias}, valid for two days. */
    public static void selfSigned(Path keyStore, String alias, String password)
            throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=weft-" + alias,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password);
    }

    /** Adds the certificate of {@code alias} in {@code keyStore} to the PKCS12 trust store {@code trustStore}. */
    public static void trust(Path keyStore, String alias, String password, Path trustStore, String trustPassword)
            throws IOException, InterruptedException {
        Path certificate = Files.createTempFile(keyStore.getParent(), alias, ".pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                alias,
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                alias,
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                trustPassword);
    }

    /** A TLS context that trusts exactly the certificates of {@code trustStore}, and not the JDK's CAs. */
    public static SSLContext trustingOnly(Path trustStore, String password)
            throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
