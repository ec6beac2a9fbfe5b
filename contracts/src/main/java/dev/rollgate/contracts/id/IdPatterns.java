package dev.rollgate.contracts.id;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers every service reads from paths, bodies and queries. An app key appears in
 * paths, Kafka keys and Redis keys, so it stays short and plain. The strings are for validation
 * annotations, the patterns for code.
 */
public final class IdPatterns {

    public static final String APP_KEY = "[a-z0-9][a-z0-9-]{1,62}";
    public static final String APP_KEY_MESSAGE = "must match " + APP_KEY;
    public static final String PACKAGE_ID = "[0-9]{8}";
    public static final String PACKAGE_ID_MESSAGE = "must be 8 digits";
    public static final String TASK_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final String TASK_ID_MESSAGE = "must be an id such as 3f2b8c1e-0d4a-4f6e-9a51-7c2d9e8b1a03";

    public static final Pattern APP_KEY_SHAPE = Pattern.compile(APP_KEY);
    public static final Pattern PACKAGE_ID_SHAPE = Pattern.compile(PACKAGE_ID);
    public static final Pattern TASK_ID_SHAPE = Pattern.compile(TASK_ID);

    private IdPatterns() {
    }

    public static boolean isAppKey(String text) {
        return text != null && APP_KEY_SHAPE.matcher(text).matches();
    }

    public static boolean isPackageId(String text) {
        return text != null && PACKAGE_ID_SHAPE.matcher(text).matches();
    }

    public static boolean isTaskId(String text) {
        return text != null && TASK_ID_SHAPE.matcher(text).matches();
    }
}
