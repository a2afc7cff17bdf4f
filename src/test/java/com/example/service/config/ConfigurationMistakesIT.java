package com.example.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.service.testing.CommandResult;
import com.example.service.testing.ServiceProcess;

/**
 * Issue 12, item 7: a configuration mistake stops the jar, serving or running a command, with one
 * line naming the variable, its value and what is allowed, exit code 2, and with {@code --json} the
 * error object on stdout.
 */
class ConfigurationMistakesIT {

    @Test
    void aMistakeIsOneLineExitCode2AndHonoursJson() {
        Map<String, String> env = ServiceProcess.environment("unused");
        env.put("APP_ENV", "prod");
        env.put("DB_PORT", "abc");
        env.put("DB_WAIT_TIMEOUT", "forever");

        CommandResult command = ServiceProcess.run(env, "db", "current", "--json");
        assertThat(command.exitCode()).as(command.toString()).isEqualTo(2);
        assertThat(command.stderr().lines()).as(command.toString()).singleElement().asString()
                .startsWith("error: configuration: ")
                .contains("APP_ENV=prod is not allowed: one of development, staging, production",
                        "DB_PORT=abc is not allowed: a whole number", "DB_WAIT_TIMEOUT=forever is not allowed");
        assertThat(command.json().get("exitCode").asInt()).isEqualTo(2);
        assertThat(command.json().get("error").asText()).contains("APP_ENV=prod", "DB_PORT=abc", "DB_WAIT_TIMEOUT=forever");

        CommandResult serve = ServiceProcess.run(env);
        assertThat(serve.exitCode()).as(serve.toString()).isEqualTo(2);
        assertThat(serve.stderr().lines()).as(serve.toString()).singleElement().asString().contains("APP_ENV=prod");
        assertThat(serve.stdout()).isEmpty();
        assertThat(command.stderr() + serve.stderr()).doesNotContain("SRCFG", "Hibernate Validator");
    }
}
