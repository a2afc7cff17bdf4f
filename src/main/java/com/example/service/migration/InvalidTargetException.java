package com.example.service.migration;

/** An upgrade target that is not a version, or not one this code can migrate to. */
public class InvalidTargetException extends InvalidArgumentException {

    public InvalidTargetException(String message) {
        super(message);
    }
}
