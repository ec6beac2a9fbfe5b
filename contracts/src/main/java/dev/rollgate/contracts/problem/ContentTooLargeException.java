package dev.rollgate.contracts.problem;

import java.util.List;

/** A request body larger than the endpoint takes (413); nothing of it is kept. */
public class ContentTooLargeException extends ProblemException {

    public ContentTooLargeException(String detail) {
        super(413, "Content Too Large", detail, List.of(), null);
    }
}
