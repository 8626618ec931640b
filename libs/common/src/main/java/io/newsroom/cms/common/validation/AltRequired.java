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

/**
 * An image with a URL must say what it shows (alt text); reported on the {@code alt} field. A media library picture may
 * leave it blank: the library's alt text is its default.
 */
@Documented
@Constraint(validatedBy = AltRequired.Validator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AltRequired {
    String message() default "is required when there is an image url";

    /**
     * Also check {@code url} (as {@link HttpUrl}, reported on {@code url}) unless the image is from the library, whose
     * own URL (perhaps a relative one) is ignored: for an image that may be either (an article's hero image).
     */
    boolean checkUrl() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AltRequired, Image> {
        private static final HttpUrl.Validator URL = new HttpUrl.Validator();
        private boolean checkUrl;

        @Override
        public void initialize(AltRequired annotation) {
            checkUrl = annotation.checkUrl();
        }

        @Override
        public boolean isValid(Image image, ConstraintValidatorContext context) {
            if (image == null || image.fromLibrary()) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if (checkUrl && !URL.isValid(image.url(), context)) {
                context.buildConstraintViolationWithTemplate("must be an absolute http or https URL")
                        .addPropertyNode("url").addConstraintViolation();
                valid = false;
            }
            if (image.url() != null && !image.url().isBlank() && (image.alt() == null || image.alt().isBlank())) {
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("alt").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
