package vn.lienthong.gateway.interfaces.rest.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Limits how often one client address may call the annotated resource: the value names the
 * limit, configured as {@code lienthong.ratelimit.<name>.per-minute}. Over it: 429 with Retry-After.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /** The limit's name, e.g. "verify" or "lookup". */
    String value() default "";
}
