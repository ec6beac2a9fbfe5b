package dev.rollgate.packages.rest;

import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.packages.domain.VersionDraft;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.List;

/**
 * A version uploaded with its file: the JSON registration's fields as form fields, and the zip as {@code file}.
 * There is no downloadUrl, sha256 or sizeBytes: the server finds them out.
 */
public class VersionUploadForm {

    private static final int MAX_TEXT = 128;
    private static final int MAX_URL = 2048;

    @RestForm
    public String version;

    @RestForm
    public String platform;

    @RestForm
    public String clientVersionMin;

    @RestForm
    public String clientVersionMax;

    @RestForm
    public String mainUrl;

    @RestForm
    public String fallbackBaseUrl;

    @RestForm("file")
    public FileUpload file;

    /** The fields as a draft, or every missing and oversized field refused at once. */
    VersionDraft draft() {
        List<FieldError> errors = new ArrayList<>();
        required("version", version, MAX_TEXT, errors);
        required("clientVersionMin", clientVersionMin, MAX_TEXT, errors);
        optional("clientVersionMax", clientVersionMax, MAX_TEXT, errors);
        optional("mainUrl", mainUrl, MAX_URL, errors);
        optional("fallbackBaseUrl", fallbackBaseUrl, MAX_URL, errors);
        Platform parsed = platform == null ? null : switch (platform) {
            case "ANDROID" -> Platform.ANDROID;
            case "IOS" -> Platform.IOS;
            default -> null;
        };
        if (parsed == null) {
            errors.add(new FieldError("platform", "is required: ANDROID or IOS"));
        }
        if (file == null || file.uploadedFile() == null) {
            errors.add(new FieldError("file", "is required: the package zip as a file part"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new VersionDraft(version, parsed, clientVersionMin, blankToNull(clientVersionMax), null, null, 0,
                blankToNull(mainUrl), blankToNull(fallbackBaseUrl));
    }

    private static void required(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "size must be between 1 and " + max));
        }
    }

    private static void optional(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "size must be between 1 and " + max));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
