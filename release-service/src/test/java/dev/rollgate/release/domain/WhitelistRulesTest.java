package dev.rollgate.release.domain;

import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.release.IdType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhitelistRulesTest {

    @Test
    void aNameTakenInTheAppIsRefused() {
        assertThat(WhitelistRules.create("shop", "wl-1", "beta", IdType.USER_ID, false).name()).isEqualTo("beta");
        assertThatThrownBy(() -> WhitelistRules.create("shop", "wl-1", "beta", IdType.USER_ID, true))
                .isInstanceOf(ConflictException.class).hasMessage("app 'shop' already has a whitelist named 'beta'");
    }

    @Test
    void aWhitelistInUseByActiveTasksIsNotDeleted() {
        assertThat(WhitelistRules.delete("wl-1", List.of()).whitelistId()).isEqualTo("wl-1");
        assertThatThrownBy(() -> WhitelistRules.delete("wl-1", List.of("t-1", "t-2")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("used by active task(s) t-1, t-2");
    }

    @Test
    void onlyWhatChangesBecomesAnEvent() {
        assertThat(WhitelistRules.add("wl-1", List.of("u3", "u1", "u2"), List.of("u1")))
                .containsExactly(new WhitelistMembersAdded("wl-1", List.of("u3", "u2")));
        assertThat(WhitelistRules.add("wl-1", List.of("u1"), List.of("u1"))).isEmpty();
        assertThat(WhitelistRules.remove("wl-1", List.of("u3", "u1", "u2"), List.of("u1", "u2")))
                .containsExactly(new WhitelistMembersRemoved("wl-1", List.of("u1", "u2")));
        assertThat(WhitelistRules.remove("wl-1", List.of("u9"), List.of())).isEmpty();
    }
}
