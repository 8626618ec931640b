package io.newsroom.cms.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An image with a URL must say what it shows (alt text); reported on the {@code alt} field. */
@Documented
@Constraint(validatedBy = AltRequired.Validator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AltRequired {
    String message() default "is required when there is an image url";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AltRequired, Image> {
        @Override
        public boolean isValid(Image image, ConstraintValidatorContext context) {
            if (image == null || image.url() == null || image.url().isBlank()
                    || image.alt() != null && !image.alt().isBlank()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("alt").addConstraintViolation();
            return false;
        }
    }
}
