package io.accessgov.dynamics.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instructions of a Dockerfile, read the way Docker reads them: comments dropped, continuation lines joined,
 * {@code ${ARG}} references resolved against the global {@code ARG} defaults. Just enough of the format to let tests
 * assert on what the image will be.
 */
record DockerfileInstructions(List<Instruction> instructions, Map<String, String> globalArgs) {

    private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** One instruction: its keyword in upper case and its arguments as written (continuations joined). */
    record Instruction(String keyword, String arguments) {}

    static DockerfileInstructions read(Path dockerfile) {
        try {
            return parse(Files.readString(dockerfile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DockerfileInstructions parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().strip();
            current.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            String[] parts = joined.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        Map<String, String> globalArgs = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                String[] pair = instruction.arguments().split("=", 2);
                globalArgs.put(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
            }
        }
        return new DockerfileInstructions(List.copyOf(instructions), Map.copyOf(globalArgs));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The instructions of the last stage, the one that becomes the image. */
    List<Instruction> finalStage() {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    List<Instruction> finalStage(String keyword) {
        return finalStage().stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The image of a {@code FROM} instruction with global {@code ARG} defaults substituted. */
    String baseImage(Instruction from) {
        return resolve(from.arguments().split("\\s+")[0]);
    }

    String resolve(String value) {
        Matcher matcher = ARG_REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String arg = globalArgs.get(matcher.group(1));
            if (arg == null) {
                throw new IllegalStateException("Dockerfile refers to ${" + matcher.group(1) + "} with no default");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(arg));
        }
        return matcher.appendTail(resolved).toString();
    }

    /** The {@code KEY=value} pairs of every {@code ENV} of the final stage. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Instruction env : finalStage("ENV")) {
            for (String pair : env.arguments().split("\\s+")) {
                String[] keyValue = pair.split("=", 2);
                environment.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return environment;
    }

    /** The exec-form {@code ENTRYPOINT} of the final stage. */
    List<String> entrypoint() {
        List<Instruction> entrypoints = finalStage("ENTRYPOINT");
        if (entrypoints.isEmpty()) {
            throw new IllegalStateException("the final stage has no ENTRYPOINT");
        }
        String json = entrypoints.get(entrypoints.size() - 1).arguments();
        return List.of(JsonMapper.shared().readValue(json, String[].class));
    }

    /** The source paths of {@code COPY --from=<stage>} instructions of the final stage, in order. */
    List<String> copiedFromStage(String stage) {
        return finalStage("COPY").stream()
                .map(Instruction::arguments)
                .filter(arguments -> arguments.startsWith("--from=" + stage + " "))
                .map(arguments -> arguments.split("\\s+")[1])
                .toList();
    }
}
