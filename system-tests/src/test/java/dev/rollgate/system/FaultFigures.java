package dev.rollgate.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one fault did to the system, as the fault suite prints it: releases made during the fault and how many
 * reached clients, events lost (made but never seen), answers that went back to a state a client had left
 * (what a duplicated or reordered event shows as), wrong answers, server errors other than a 503 that asks
 * to come back, those 503s, and the longest time from the fault's end to a release reaching every gateway.
 */
final class FaultFigures {

    final String fault;
    long releasesMade;
    long releasesReached;
    long duplicatesSeen;
    long wrongAnswers;
    long serverErrors;
    long shed;
    long answers;
    long convergeMillis;
    final List<String> notes = new ArrayList<>();

    FaultFigures(String fault) {
        this.fault = fault;
    }

    long lost() {
        return releasesMade - releasesReached;
    }

    boolean meetsGoals() {
        return lost() == 0 && wrongAnswers == 0 && serverErrors == 0 && duplicatesSeen == 0 && convergeMillis <= 10_000;
    }

    void add(ClientWatch watch) {
        answers += watch.answers();
        wrongAnswers += watch.wrong();
        duplicatesSeen += watch.wentBack();
        serverErrors += watch.serverErrors();
        shed += watch.shed();
    }

    static String table(List<FaultFigures> faults) {
        StringBuilder table = new StringBuilder("| fault | releases made | reached clients | events lost | duplicates seen"
                + " | wrong answers | 5xx | 503 shed | client answers | longest converge | goals | notes |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        FaultFigures total = new FaultFigures("**total**");
        for (FaultFigures f : faults) {
            table.append(row(f));
            total.releasesMade += f.releasesMade;
            total.releasesReached += f.releasesReached;
            total.duplicatesSeen += f.duplicatesSeen;
            total.wrongAnswers += f.wrongAnswers;
            total.serverErrors += f.serverErrors;
            total.shed += f.shed;
            total.answers += f.answers;
            total.convergeMillis = Math.max(total.convergeMillis, f.convergeMillis);
        }
        return table.append(row(total)).toString();
    }

    private static String row(FaultFigures f) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f s | %s | %s |%n", f.fault,
                f.releasesMade, f.releasesReached, f.lost(), f.duplicatesSeen, f.wrongAnswers, f.serverErrors, f.shed,
                f.answers, f.convergeMillis / 1000.0, f.meetsGoals() ? "met" : "**missed**", String.join("; ", f.notes));
    }
}
