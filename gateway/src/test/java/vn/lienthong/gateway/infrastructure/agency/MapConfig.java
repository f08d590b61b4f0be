package vn.lienthong.gateway.infrastructure.agency;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** MicroProfile Config over a map, for tests outside the container: strings, numbers, booleans and lists. */
public final class MapConfig implements Config {

    private final Map<String, String> values;

    public MapConfig(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    MapConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new MapConfig(copy);
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        String raw = values.get(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (type.isArray()) {
            List<Object> items = Arrays.stream(raw.split(",")).map(s -> convert(s.trim(), type.getComponentType())).toList();
            Object array = Array.newInstance(type.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, items.get(i));
            }
            return Optional.of((T) array);
        }
        return Optional.of(type.cast(convert(raw, type)));
    }

    private static Object convert(String raw, Class<?> type) {
        if (type == String.class) {
            return raw;
        }
        if (type == Integer.class) {
            return Integer.valueOf(raw);
        }
        if (type == Long.class) {
            return Long.valueOf(raw);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(raw);
        }
        throw new IllegalArgumentException("MapConfig does not convert to " + type);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
