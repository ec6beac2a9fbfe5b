package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MemberIdsTest {

    @Test
    void duplicatesCountOnceInFirstSeenOrder() {
        assertThat(MemberIds.checked(List.of("u2", "u1", "u2", "u3", "u1"))).containsExactly("u2", "u1", "u3");
    }

    @Test
    void badIdsAreNamedByPosition() {
        List<String> ids = Arrays.asList("ok", "", "tab\there", null, "x".repeat(129), "   ", "fine id");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> MemberIds.checked(ids));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("ids[1]", "ids[2]", "ids[3]", "ids[4]", "ids[5]");
    }

    @Test
    void aCallHoldsOneToOneHundredThousandIds() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> MemberIds.checked(List.of())).errors())
                .extracting(FieldError::field).containsExactly("ids");
        List<String> max = IntStream.range(0, MemberIds.MAX_PER_CALL).mapToObj(i -> "u" + i).toList();
        assertThat(MemberIds.checked(max)).hasSize(100_000);
        List<String> over = new ArrayList<>(max);
        over.add("one-more");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> MemberIds.checked(over)).getMessage())
                .contains("100000");
    }

    @Test
    void textBodiesHoldOneIdALineAndCsvTheFirstColumn() {
        assertThat(MemberIds.fromText("u1\r\nu2\n\n  u3  \r")).containsExactly("u1", "u2", "u3");
        assertThat(MemberIds.fromText("u1,Alice\n\"u,2\",Bob\n\"u\"\"3\"\n")).containsExactly("u1", "u,2", "u\"3");
        assertThat(MemberIds.fromText("")).isEmpty();
    }

    @Test
    void memberEventsCarryAtMostFiveThousandIds() {
        List<String> ids = IntStream.range(0, 12_001).mapToObj(i -> "u" + i).toList();
        var events = WhitelistChanges.added("w", ids);
        assertThat(events).hasSize(3);
        assertThat(events).map(event -> ((WhitelistMembersAdded) event).ids().size()).containsExactly(5000, 5000, 2001);
        assertThat(((WhitelistMembersAdded) events.get(2)).ids().getLast()).isEqualTo("u12000");
        assertThat(WhitelistChanges.removed("w", List.of())).isEmpty();
    }
}
