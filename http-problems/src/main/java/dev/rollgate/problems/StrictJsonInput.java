package dev.rollgate.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.json.StrictInput;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Request bodies are read strictly (see {@link StrictInput}). */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictInput.apply(mapper);
    }
}
