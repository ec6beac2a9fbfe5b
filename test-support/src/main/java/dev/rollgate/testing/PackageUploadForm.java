package dev.rollgate.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A version upload as a browser's form sends it: the version's fields and the zip in one multipart body of a
 * known length (the gateway refuses uploads that do not announce theirs).
 */
public final class PackageUploadForm {

    private final String boundary = "rollgate-" + UUID.randomUUID();
    private final byte[] body;

    /** An Android version for app versions 10.0 and up, whose main page is /index.html. */
    public PackageUploadForm(String version, byte[] zip) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", version);
        fields.put("platform", "ANDROID");
        fields.put("clientVersionMin", "10.0");
        fields.put("mainUrl", "/index.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        fields.forEach((name, value) -> out.writeBytes(text("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
        out.writeBytes(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + version + ".zip\"\r\nContent-Type: application/zip\r\n\r\n"));
        out.writeBytes(zip);
        out.writeBytes(text("\r\n--" + boundary + "--\r\n"));
        this.body = out.toByteArray();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    public int length() {
        return body.length;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
