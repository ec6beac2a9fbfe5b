package dev.rollgate.packages.persistence;

import dev.rollgate.outbox.UniqueViolation;
import dev.rollgate.problems.ConflictTranslation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Two requests created the same app, package or version at once: the loser is told so (409). */
@ApplicationScoped
public class CatalogConflicts implements ConflictTranslation {

    @Override
    public Optional<String> detail(Throwable failure) {
        return UniqueViolation.constraint(failure).map(constraint -> "it already exists");
    }
}
