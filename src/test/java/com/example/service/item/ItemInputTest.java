package com.example.service.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.example.service.problem.InvalidInputException;
import com.example.service.problem.Violation;

/** The item API's input rules, without a server: what may be stored and what each refusal says. */
class ItemInputTest {

    @Test
    void aNameIsRequiredAndNotOnlyBlanks() {
        for (String name : new String[] { null, "", "   ", "\t\n" }) {
            assertThat(new ItemInput(name, null).violations()).containsExactly(new Violation("name", "name is required"));
        }
    }

    @Test
    void lengthsAreCountedUpToTheirLimitsInclusive() {
        assertThat(new ItemInput("x".repeat(200), "d".repeat(2000)).violations()).isEmpty();
        assertThat(new ItemInput("x".repeat(201), "d".repeat(2001)).violations()).containsExactly(
                new Violation("name", "name must be at most 200 characters"),
                new Violation("description", "description must be at most 2000 characters"));
    }

    @Test
    void theNulCharacterIsRefusedInEitherField() {
        assertThat(new ItemInput("a\0b", "c\0").violations()).containsExactly(
                new Violation("name", ItemInput.NO_NUL_MESSAGE), new Violation("description", ItemInput.NO_NUL_MESSAGE));
    }

    @Test
    void aMissingBodyIsOneViolationAndAValidInputPassesThrough() {
        assertThatThrownBy(() -> ItemInput.checked(null)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations())
                .isEqualTo(java.util.List.of(new Violation("body", "a JSON body is required")));
        ItemInput fine = new ItemInput("name", null);
        assertThat(ItemInput.checked(fine)).isSameAs(fine);
    }
}
