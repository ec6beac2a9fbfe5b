package dev.rollgate.release.persistence;

import dev.rollgate.outbox.UniqueViolation;
import dev.rollgate.problems.ConflictTranslation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A request that lost a race on one of the release views' unique indexes gets the 409 a lone request
 * would have got from the checks the race slipped past.
 */
@ApplicationScoped
public class ReleaseConflicts implements ConflictTranslation {

    @Override
    public Optional<String> detail(Throwable failure) {
        return UniqueViolation.constraint(failure).map(constraint ->
                constraint.contains("release_task_one_active") ? "the package already has an active task on that platform"
                        : constraint.contains("whitelist_name_per_app") ? "the app already has a whitelist of that name"
                        : "a concurrent request changed the same thing; read it again and retry");
    }
}
