package vn.lienthong.archive;

/** The caller's input (a page, a parameter, a PDF) cannot be archived as given. */
public class BadInputException extends ArchiveException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
