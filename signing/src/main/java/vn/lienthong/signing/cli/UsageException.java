package vn.lienthong.signing.cli;

import vn.lienthong.signing.SigningException;

/** The command line is wrong: unknown subcommand, missing or malformed option. Exit code 2. */
public class UsageException extends SigningException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
