package com.example.service.cli;

/** A destructive command refused before doing anything: no --confirm, or production without --allow-production. */
class CommandRefusedException extends RuntimeException {

    CommandRefusedException(String message) {
        super(message);
    }
}
