package com.example.service.database;

/** The embedded server cannot be started or reached; the message is one line that says why and what to do. */
public class EmbeddedServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedServerException(String message) {
        super(message);
    }

    public EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
