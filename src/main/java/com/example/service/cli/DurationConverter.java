package com.example.service.cli;

import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as the configuration takes them: {@code 60s}, {@code 10m}, {@code 1h} or ISO-8601. */
class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = io.quarkus.runtime.configuration.DurationConverter.parseDuration(value);
        } catch (RuntimeException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 10m, 1h, PT5M)");
        }
        return duration;
    }
}
