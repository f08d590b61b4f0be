package vn.lienthong.it;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Runs after every other IT (its own failsafe execution, see pom.xml): no log line that any
 * gateway started by this build wrote shows a citizen ID or a mobile number in clear.
 */
class PersonalDataLogScanIT {

    @Test
    void noCapturedGatewayLogShowsPersonalDataInClear() {
        Path root = Path.of(System.getProperty("it.data.dir", "target/it-data"));
        PersonalDataLogScan.Result result = PersonalDataLogScan.requireMasked(root);
        System.out.printf("personal-data log scan: %d files, %d lines, no number in clear, %d masked citizen IDs%n",
                result.files().size(), result.lines(), result.maskedIds());
    }
}
