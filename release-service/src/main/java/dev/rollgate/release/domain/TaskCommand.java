package dev.rollgate.release.domain;

import java.util.Locale;

/** What an operator can do to a release task once it exists. */
public enum TaskCommand {
    PAUSE,
    RESUME,
    PROMOTE,
    FINISH,
    CANCEL;

    /** The command's name in the API path ({@code .../{taskId}/pause}). */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskCommand ofPath(String name) {
        for (TaskCommand command : values()) {
            if (command.pathName().equals(name)) {
                return command;
            }
        }
        return null;
    }
}
