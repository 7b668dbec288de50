package io.weft.server.api.ec2;

import java.util.function.Consumer;

/** The two document shapes the EC2 API answers with (API-COMPAT §3.3, §3.4). */
final class Ec2Documents {
    private Ec2Documents() {}

    static String namespace(String apiVersion) {
        return "http://ec2.amazonaws.com/doc/" + apiVersion + "/";
    }

    /** {@code <ActionResponse xmlns=…><requestId>…</requestId>…</ActionResponse>}, fields directly under the root. */
    static String success(String root, String apiVersion, String requestId, Consumer<XmlOut> body) {
        XmlOut out = new XmlOut().root(root, namespace(apiVersion)).leaf("requestId", requestId);
        body.accept(out);
        return XmlOut.PROLOG + out.end().text();
    }

    /** The only error shape from which the SDK reads the code. */
    static String error(String code, String message, String requestId) {
        XmlOut out = new XmlOut()
                .start("Response")
                .start("Errors")
                .start("Error")
                .leaf("Code", code)
                .leaf("Message", message)
                .end()
                .end()
                .leaf("RequestID", requestId)
                .end();
        return XmlOut.PROLOG + out.text();
    }
}
