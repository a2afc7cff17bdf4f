package com.example.service.problem;

import java.util.List;

/** A request whose input cannot be taken: answered as one 400 problem listing every violation. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("the request is not valid");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
