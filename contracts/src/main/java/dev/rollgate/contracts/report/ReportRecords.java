package dev.rollgate.contracts.report;

import dev.rollgate.contracts.json.ContractsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How reports are written on the report topic: a {@link ReportGroup} per record, marked by a header. A
 * record without the header holds one {@link ClientReport} (how the first gateways with reports wrote them;
 * the topic keeps a week of records, so both are read).
 */
public final class ReportRecords {

    public static final String FORMAT_HEADER = "rollgate-report-format";
    public static final byte[] GROUP = "group".getBytes(StandardCharsets.UTF_8);

    private ReportRecords() {
    }

    public static byte[] write(ReportGroup group) {
        try {
            return ContractsJson.mapper().writeValueAsBytes(group);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param format the record's {@link #FORMAT_HEADER} value, or null when it has none
     * @throws IOException when the value is not what its format says
     */
    public static List<ClientReport> read(byte[] value, byte[] format) throws IOException {
        if (Arrays.equals(format, GROUP)) {
            return ContractsJson.mapper().readValue(value, ReportGroup.class).clientReports();
        }
        return List.of(ContractsJson.mapper().readValue(value, ClientReport.class));
    }
}
