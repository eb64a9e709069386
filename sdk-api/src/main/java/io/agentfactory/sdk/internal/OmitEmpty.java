package io.agentfactory.sdk.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Marks a property that the reference tags {@code omitempty}: it is left out of the JSON when
 * empty ({@code ""}, {@code 0}, {@code false}, {@code null}, an empty list or map), exactly as the
 * Go encoder does.
 *
 * <p>Not API: may change without notice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@JacksonAnnotationsInside
@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = GoEmptyValue.class)
public @interface OmitEmpty {
}
