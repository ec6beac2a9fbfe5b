package dev.rollgate.sdk;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CheckScheduleTest {

    @Test
    void theGatewayIsNotAskedBeforeTheTimeItsAnswerNamed() {
        CheckSchedule schedule = new CheckSchedule(new Random(1));
        assertThat(schedule.mayAsk(0)).isTrue();
        schedule.answered(0, 60);
        assertThat(schedule.mayAsk(59_999)).isFalse();
        assertThat(schedule.mayAsk(60_000)).isTrue();
    }

    @Test
    void failuresBackOffWithJitterUpToABoundAndAnAnswerResetsIt() {
        CheckSchedule schedule = new CheckSchedule(new Random(2));
        long now = 0;
        long previous = 0;
        for (int i = 0; i < 12; i++) {
            schedule.failed(now, 0);
            long wait = schedule.millisUntilAllowed(now);
            assertThat(wait).isBetween(1_000L, 5 * 60_000L);
            if (i < 5) {
                assertThat(wait).isGreaterThanOrEqualTo(previous / 2);
            }
            previous = wait;
        }
        assertThat(previous).as("after many failures, minutes").isGreaterThan(60_000);
        schedule.answered(now, 60);
        schedule.failed(now + 60_000, 0);
        assertThat(schedule.millisUntilAllowed(now + 60_000)).isLessThanOrEqualTo(2_000);
    }

    @Test
    void a503sRetryAfterIsRespected() {
        CheckSchedule schedule = new CheckSchedule(new Random(3));
        schedule.failed(0, 30);
        assertThat(schedule.millisUntilAllowed(0)).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void devicesThatFailTogetherDoNotComeBackTogether() {
        long first = waitAfterThreeFailures(11);
        long second = waitAfterThreeFailures(12);
        assertThat(first).isNotEqualTo(second);
    }

    private static long waitAfterThreeFailures(long seed) {
        CheckSchedule schedule = new CheckSchedule(new Random(seed));
        for (int i = 0; i < 3; i++) {
            schedule.failed(0, 0);
        }
        return schedule.millisUntilAllowed(0);
    }
}
