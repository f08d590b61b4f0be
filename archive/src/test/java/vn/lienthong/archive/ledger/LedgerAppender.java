package vn.lienthong.archive.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.signing.key.Pkcs12KeySource;

/**
 * Another process appending to a ledger, for {@link LedgerTest}: {@code LedgerAppender FILE P12 PASSWORD
 * ALIAS COUNT} appends COUNT entries (actor "other-process") and closes, signing its tail.
 */
public final class LedgerAppender {

    private LedgerAppender() {
    }

    public static void main(String[] args) {
        HeadSigner signer = new CmsHeadSigner(SigningKey.of(Pkcs12KeySource.open(Path.of(args[1]),
                args[2].toCharArray(), args[3])));
        int count = Integer.parseInt(args[4]);
        try (Ledger ledger = new Ledger(Path.of(args[0]), signer, new HeadPolicy(7, Duration.ofHours(1)),
                HeadAnchor.none(), Clock.systemUTC())) {
            System.out.println("appending");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                ledger.append(LedgerEvent.READ, "child-" + i, "", "other-process", "");
            }
        }
        System.out.println("done");
    }
}
