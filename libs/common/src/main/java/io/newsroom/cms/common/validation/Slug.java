package io.newsroom.cms.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A URL slug: lowercase letters and digits in words joined by single hyphens, 1–80 characters. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Slug.PATTERN)
@Size(min = 1, max = 80)
@jakarta.validation.ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {
    String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    String message() default "must be 1–80 lowercase letters, digits and single hyphens, like 'jane-doe'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
