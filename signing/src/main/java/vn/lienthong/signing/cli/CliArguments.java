package vn.lienthong.signing.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed "--name value" options and "--flag" switches of one subcommand; rejects unknown ones. */
final class CliArguments {
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CliArguments() {
    }

    static CliArguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        CliArguments parsed = new CliArguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flagOptions.contains(a)) {
                parsed.flags.add(a);
            } else if (valueOptions.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                parsed.values.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
            } else {
                List<String> known = new ArrayList<>(valueOptions);
                known.addAll(flagOptions);
                known.sort(null);
                throw new UsageException("Unknown option '" + a + "'; this subcommand takes " + known);
            }
        }
        return parsed;
    }

    Optional<String> get(String name) {
        List<String> v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new UsageException("Missing " + name));
    }

    Path path(String name) {
        return Path.of(require(name));
    }

    Optional<Path> optionalPath(String name) {
        return get(name).map(Path::of);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int integer(String name, int fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + v.get() + "'");
        }
    }
}
