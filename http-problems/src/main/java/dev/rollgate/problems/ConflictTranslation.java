package dev.rollgate.problems;

import java.util.Optional;

/**
 * What a service knows about a failure that is really a conflict of concurrent requests (a unique index
 * broken by a request that lost a race): the detail to tell the loser, as a lone request would be told.
 * A service that has such constraints provides one bean; {@link ProblemMappers} asks it before answering 500.
 */
public interface ConflictTranslation {

    Optional<String> detail(Throwable failure);
}
